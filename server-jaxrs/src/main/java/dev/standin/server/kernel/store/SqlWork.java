package dev.standin.server.kernel.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside a transaction when it writes. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
