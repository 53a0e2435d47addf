package dev.standin.apify.model.support;

import java.util.List;

/**
 * One page of a list, as every Apify list route answers it ({@code total}, {@code offset}, {@code
 * limit}, {@code desc}, {@code count}, {@code items}). The generated list models implement it
 * ({@code x-implements} in their schemas), so the envelope is filled in one place.
 *
 * @param <T> the item model
 */
public interface ListPage<T> {

  Long getTotal();

  List<T> getItems();

  void setTotal(Long total);

  void setOffset(Long offset);

  void setLimit(Integer limit);

  void setDesc(Boolean desc);

  void setCount(Integer count);

  void setItems(List<T> items);
}
