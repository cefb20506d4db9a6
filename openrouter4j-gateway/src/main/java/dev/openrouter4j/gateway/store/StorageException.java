package dev.openrouter4j.gateway.store;

import java.sql.SQLException;

/** A database operation failed; wraps the {@link SQLException} (or Flyway's or the pool's error). */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }

  /**
   * Whether the same statement may succeed later: false for errors in the data itself (SQLSTATE
   * classes 22 data exception, 23 integrity constraint, 42 syntax or access), true otherwise
   * (connection lost, pool exhausted, serialization failure, database shutting down).
   */
  public boolean isTransient() {
    if (!(getCause() instanceof SQLException e)) return false;
    String state = e.getSQLState();
    return state == null || !(state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
  }
}
