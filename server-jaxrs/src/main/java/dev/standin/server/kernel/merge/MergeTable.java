package dev.standin.server.kernel.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * How each property of a partial update lands on a stored resource, written as a table so a reader
 * sees the rules at a glance:
 *
 * <ul>
 *   <li>{@code replace}: present in the request → the stored value is replaced whole (an explicit
 *       {@code null} stores null); absent → the stored value is kept.
 *   <li>{@code patch}: a map patched entry by entry: a key sent with a value sets that entry, a key
 *       sent with {@code null} removes it, keys not sent stay; an absent or {@code null} map
 *       changes nothing.
 *   <li>{@code merge}: a settings object merged one level: absent → kept; {@code null} → what the
 *       row says (cleared, or reset to defaults); an object → each sub-property it holds is applied
 *       by the row's own table to the stored object (or to a fresh one when none is stored), the
 *       others stay.
 *   <li>{@code readOnly}: set by the server; a value sent by a client is ignored.
 * </ul>
 *
 * @param <P> the update request model
 * @param <R> the stored resource model
 */
public final class MergeTable<P, R> {

  /** What happens to one property. */
  public enum Rule {
    REPLACE,
    PATCH,
    MERGE,
    READ_ONLY
  }

  private record Row<P, R>(
      String property, Rule rule, BiConsumer<P, R> apply, MergeTable<?, ?> fields) {
    Row(String property, Rule rule, BiConsumer<P, R> apply) {
      this(property, rule, apply, null);
    }
  }

  private final List<Row<P, R>> rows = new ArrayList<>();

  public static <P, R> MergeTable<P, R> create() {
    return new MergeTable<>();
  }

  public <V> MergeTable<P, R> replace(
      String property, Function<P, JsonNullable<V>> sent, BiConsumer<R, V> store) {
    rows.add(
        new Row<>(
            property,
            Rule.REPLACE,
            (patch, resource) -> {
              JsonNullable<V> value = sent.apply(patch);
              if (value != null && value.isPresent()) {
                store.accept(resource, value.get());
              }
            }));
    return this;
  }

  public <V> MergeTable<P, R> patch(
      String property,
      Function<P, Map<String, V>> sent,
      Function<R, Map<String, V>> stored,
      BiConsumer<R, Map<String, V>> store) {
    rows.add(
        new Row<>(
            property,
            Rule.PATCH,
            (patch, resource) -> {
              Map<String, V> changes = sent.apply(patch);
              if (changes == null) {
                return;
              }
              Map<String, V> entries = new LinkedHashMap<>();
              if (stored.apply(resource) != null) {
                entries.putAll(stored.apply(resource));
              }
              changes.forEach(
                  (key, value) -> {
                    if (value == null) {
                      entries.remove(key);
                    } else {
                      entries.put(key, value);
                    }
                  });
              store.accept(resource, entries);
            }));
    return this;
  }

  /**
   * A settings object merged one level by {@code fields}, a table whose rows say what each
   * sub-property sent does to the stored object.
   *
   * @param stored the stored object, or null when there is none
   * @param fresh what the sub-properties sent are applied to when nothing is stored
   * @param whenNull what the whole object sent as {@code null} stores (null to clear it, or a
   *     default)
   */
  public <V> MergeTable<P, R> merge(
      String property,
      Function<P, JsonNullable<V>> sent,
      Function<R, V> stored,
      BiConsumer<R, V> store,
      Supplier<V> fresh,
      Supplier<V> whenNull,
      MergeTable<V, V> fields) {
    rows.add(
        new Row<>(
            property,
            Rule.MERGE,
            (patch, resource) -> {
              JsonNullable<V> value = sent.apply(patch);
              if (value == null || !value.isPresent()) {
                return;
              }
              if (value.get() == null) {
                store.accept(resource, whenNull.get());
                return;
              }
              V target = stored.apply(resource);
              store.accept(
                  resource, fields.apply(value.get(), target == null ? fresh.get() : target));
            },
            fields));
    return this;
  }

  public MergeTable<P, R> readOnly(String... properties) {
    for (String property : properties) {
      rows.add(new Row<>(property, Rule.READ_ONLY, (patch, resource) -> {}));
    }
    return this;
  }

  /** Applies every row to {@code resource} (mutated in place) and returns it. */
  public R apply(P patch, R resource) {
    rows.forEach(row -> row.apply().accept(patch, resource));
    return resource;
  }

  /** The table itself: property → rule, in declaration order. */
  public Map<String, Rule> rules() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    rows.forEach(row -> rules.put(row.property(), row.rule()));
    return Collections.unmodifiableMap(rules);
  }

  /** The tables of the {@code merge} rows: property → how its sub-properties land. */
  public Map<String, MergeTable<?, ?>> nested() {
    Map<String, MergeTable<?, ?>> nested = new LinkedHashMap<>();
    rows.stream()
        .filter(row -> row.fields() != null)
        .forEach(row -> nested.put(row.property(), row.fields()));
    return Collections.unmodifiableMap(nested);
  }

  /** For properties the model declares non-nullable: Java null means the client left it out. */
  public static <V> JsonNullable<V> presentUnlessNull(V value) {
    return value == null ? JsonNullable.undefined() : JsonNullable.of(value);
  }
}
