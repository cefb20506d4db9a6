package dev.openrouter4j.gateway.account;

/** The databases every storage test runs on. */
public enum Backend {
  H2,
  POSTGRESQL
}
