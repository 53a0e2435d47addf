package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.support.ListPage;
import dev.standin.server.apify.errors.ApifyException;
import java.util.List;

/** The {@code offset}/{@code limit} rules every list route shares. */
public record Paging(long offset, int limit) {

  /** The most items one page holds; a larger {@code limit} is served as this. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** Checks the query parameters; 400 {@code invalid-parameter} when one is out of range. */
  public static Paging of(long offset, int limit) {
    if (offset < 0) {
      throw new ApifyException(
          ApifyError.INVALID_PARAMETER, "Parameter \"offset\" must not be negative.");
    }
    if (limit < 1) {
      throw new ApifyException(
          ApifyError.INVALID_PARAMETER, "Parameter \"limit\" must be at least 1.");
    }
    return new Paging(offset, Math.min(limit, MAX_PAGE_SIZE));
  }

  /** Fills a list answer's envelope: the page's items and where they sit in the whole list. */
  public <L extends ListPage<T>, T> L answer(L list, long total, boolean desc, List<T> items) {
    list.setTotal(total);
    list.setOffset(offset);
    list.setLimit(limit);
    list.setDesc(desc);
    list.setCount(items.size());
    list.setItems(items);
    return list;
  }
}
