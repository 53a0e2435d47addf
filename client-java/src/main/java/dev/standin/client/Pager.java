package dev.standin.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks an offset/limit list page by page, lazily: a page is fetched only when the stream reaches
 * it, so stopping early (e.g. {@code findFirst()}) fetches no further pages.
 *
 * <p>The walk ends on an empty page, when the server reports a {@link Page#total() total} and the
 * next offset reaches it (Apify), or, when it reports none, on a page shorter than the page size
 * (Spaaza's bare arrays). Items created or deleted during the walk may shift pages, as with any
 * offset paging.
 */
public final class Pager {

  private Pager() {}

  /**
   * One page as the server answered it.
   *
   * @param items the page's items, in order
   * @param total how many items the whole list holds, or null when the API does not say
   */
  public record Page<T>(List<T> items, Long total) {
    public Page {
      Objects.requireNonNull(items, "items");
    }
  }

  /** Fetches the page of at most {@code limit} items starting at {@code offset}. */
  @FunctionalInterface
  public interface PageSource<T> {
    Page<T> fetch(long offset, int limit);
  }

  /**
   * The items from {@code startOffset} on, fetched {@code pageSize} at a time.
   *
   * @throws IllegalArgumentException when {@code pageSize} is below 1 or {@code startOffset}
   *     negative
   */
  public static <T> Stream<T> stream(long startOffset, int pageSize, PageSource<T> source) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    if (startOffset < 0) {
      throw new IllegalArgumentException("startOffset must not be negative, was " + startOffset);
    }
    Objects.requireNonNull(source, "source");
    Iterator<T> items = new PageIterator<>(startOffset, pageSize, source);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private static final class PageIterator<T> implements Iterator<T> {
    private final int pageSize;
    private final PageSource<T> source;
    private long nextOffset;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean lastPageSeen;

    PageIterator(long startOffset, int pageSize, PageSource<T> source) {
      this.nextOffset = startOffset;
      this.pageSize = pageSize;
      this.source = source;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !lastPageSeen) {
        Page<T> page = source.fetch(nextOffset, pageSize);
        List<T> items = page.items();
        nextOffset += items.size();
        lastPageSeen =
            items.isEmpty()
                || (page.total() != null ? nextOffset >= page.total() : items.size() < pageSize);
        current = items.iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
