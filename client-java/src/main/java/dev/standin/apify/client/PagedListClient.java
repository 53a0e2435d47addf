package dev.standin.apify.client;

import dev.standin.apify.model.support.ListPage;
import dev.standin.client.Pager;
import java.util.stream.Stream;

/**
 * What every Apify list route offers a client: the first page, one page, and every item fetched
 * lazily page by page (a page is requested only when the stream reaches it; the walk stops at the
 * {@code total} the server reports). Oldest first unless {@code desc}.
 *
 * @param <T> the item model
 * @param <L> the page model
 */
public abstract class PagedListClient<T, L extends ListPage<T>> {

  /** The most items one page can hold. */
  static final int MAX_PAGE_SIZE = 1000;

  PagedListClient() {}

  /**
   * One page.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  public abstract L list(Long offset, Integer limit, boolean desc);

  /** The first page (up to 1000 items), oldest first. */
  public L list() {
    return list(null, null, false);
  }

  /** Every item, oldest first, fetched lazily 1000 a page. */
  public Stream<T> iterate() {
    return iterate(MAX_PAGE_SIZE);
  }

  /**
   * Every item, oldest first, fetched lazily {@code pageSize} at a time.
   *
   * @throws IllegalArgumentException when {@code pageSize} is below 1
   */
  public Stream<T> iterate(int pageSize) {
    return Pager.stream(
        0,
        pageSize,
        (offset, limit) -> {
          L page = list(offset, limit, false);
          return new Pager.Page<>(page.getItems(), page.getTotal());
        });
  }
}
