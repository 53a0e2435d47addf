package dev.standin.server.kernel.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One API's part of the server's state, as a section of the seed document ({@code "apify": {...}},
 * {@code "spaaza": {...}}): an {@link dev.standin.server.kernel.module.ApiModule} offers one so its
 * state can be seeded, reset and exported. Adding a vendor adds its own section.
 *
 * <p>{@link ServerState} runs every call that changes state for all sections in one write
 * transaction, on the connection it passes: a seed loads whole or not at all, on every database.
 */
public interface Seedable {

  /** The section's property name in the seed document, e.g. {@code apify}. */
  String section();

  /** The tables this section keeps, in an order that lets them be emptied one after the other. */
  List<String> tables();

  /**
   * Checks a section of a seed and prepares it for {@link #load} without touching the store (the
   * slow parts, such as hashing secrets, happen here once, so a reset to the seed is cheap).
   *
   * @throws SeedException naming the first problem's path
   */
  Prepared prepare(SeedNode section);

  /** A checked section, ready to be stored (as often as asked: every reset to the seed). */
  interface Prepared {

    /**
     * Stores the section; with {@code scope} only the part of it that scope names (a username, a
     * chain ID). In {@link SeedMode#KEEP} an item whose name or ID exists is left alone.
     */
    void load(Connection c, SeedMode mode, String scope) throws SQLException;
  }

  /** Removes the section's whole state ({@code scope} null) or that of one scope. */
  void clear(Connection c, String scope) throws SQLException;

  /**
   * Refuses a scope this section cannot name (say, a chain ID that is not a number).
   *
   * @throws IllegalArgumentException saying why
   */
  void checkScope(String scope);

  /**
   * The section's state as a seed section that {@link #prepare} and {@link #load} turn back into
   * the same state (secrets as the hashes the store keeps), in a stable order.
   */
  ObjectNode export(Connection c) throws SQLException;

  /** What exists, in brief: counts and names. */
  ObjectNode summary(Connection c) throws SQLException;
}
