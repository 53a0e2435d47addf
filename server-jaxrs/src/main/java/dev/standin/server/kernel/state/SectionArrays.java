package dev.standin.server.kernel.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.store.Database;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What every {@link Seedable} section's export and summary do over and over: put an array into a
 * JSON object, one element per row of a query (its first column), in the query's order.
 */
public final class SectionArrays {

  private SectionArrays() {}

  /** The array {@code name} of {@code parent}: each row's text (names, hashes). */
  public static ArrayNode texts(
      ObjectNode parent, String name, Connection c, String sql, Object... params)
      throws SQLException {
    ArrayNode array = parent.putArray(name);
    Database.all(c, sql, rs -> rs.getString(1), params).forEach(array::add);
    return array;
  }

  /** The array {@code name} of {@code parent}: each row's number (IDs). */
  public static ArrayNode numbers(
      ObjectNode parent, String name, Connection c, String sql, Object... params)
      throws SQLException {
    ArrayNode array = parent.putArray(name);
    Database.all(c, sql, rs -> rs.getLong(1), params).forEach(array::add);
    return array;
  }

  /** The array {@code name} of {@code parent}: each row's stored JSON document, as it is. */
  public static ArrayNode documents(
      ObjectNode parent, String name, DocumentJson json, Connection c, String sql, Object... params)
      throws SQLException {
    ArrayNode array = parent.putArray(name);
    Database.all(c, sql, rs -> rs.getString(1), params).forEach(b -> array.add(json.readTree(b)));
    return array;
  }
}
