package dev.standin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PagerTest {

  /** A list of {@code size} numbers served in pages; records each page asked for. */
  private static final class FakeList {
    final List<long[]> requests = new ArrayList<>();
    final int size;
    final boolean reportsTotal;

    FakeList(int size, boolean reportsTotal) {
      this.size = size;
      this.reportsTotal = reportsTotal;
    }

    Pager.Page<Long> fetch(long offset, int limit) {
      requests.add(new long[] {offset, limit});
      List<Long> items = LongStream.range(offset, Math.min(size, offset + limit)).boxed().toList();
      return new Pager.Page<>(items, reportsTotal ? (long) size : null);
    }
  }

  @Test
  void walksEveryPageAndStopsAtTheTotal() {
    FakeList list = new FakeList(7, true);

    assertThat(Pager.stream(0, 3, list::fetch).toList())
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(list.requests).extracting(r -> r[0]).containsExactly(0L, 3L, 6L);
  }

  @Test
  void withATotalNoEmptyPageIsFetchedAfterAFullLastPage() {
    FakeList list = new FakeList(6, true);

    assertThat(Pager.stream(0, 3, list::fetch).count()).isEqualTo(6);
    assertThat(list.requests).hasSize(2);
  }

  @Test
  void withoutATotalAShortPageIsTheLast() {
    FakeList list = new FakeList(7, false);

    assertThat(Pager.stream(0, 3, list::fetch).count()).isEqualTo(7);
    assertThat(list.requests).hasSize(3);

    FakeList even = new FakeList(6, false);
    assertThat(Pager.stream(0, 3, even::fetch).count()).isEqualTo(6);
    assertThat(even.requests).hasSize(3); // the third, empty page ends the walk
  }

  @Test
  void fetchesLazily() {
    FakeList list = new FakeList(100, true);

    Stream<Long> stream = Pager.stream(0, 10, list::fetch);
    assertThat(list.requests).isEmpty();

    assertThat(stream.limit(12).toList()).hasSize(12);
    assertThat(list.requests).hasSize(2);
  }

  @Test
  void startsAtTheGivenOffset() {
    FakeList list = new FakeList(7, false);

    assertThat(Pager.stream(5, 3, list::fetch).toList()).containsExactly(5L, 6L);
  }

  @Test
  void refusesPageSizesBelowOneAndNegativeOffsets() {
    FakeList list = new FakeList(7, true);
    assertThatThrownBy(() -> Pager.stream(0, 0, list::fetch))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pager.stream(-1, 3, list::fetch))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
