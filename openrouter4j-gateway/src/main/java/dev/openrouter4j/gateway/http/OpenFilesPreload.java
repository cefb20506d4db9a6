package dev.openrouter4j.gateway.http;

import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Loads at start what the JDK would otherwise load from a file on first use, so that first use
 * cannot come when every file descriptor is taken. Under a flood of connections a server runs out
 * of descriptors; Netty then logs the accept failure, and the first log line with a date loads the
 * time-zone rules from {@code tzdb.dat}: that open failed too, the class failed to initialise, and
 * the error killed the acceptor thread, so the server never accepted again (seen in the benchmark
 * simulator, whose first log line was that one). The gateway happened to log at start; this makes
 * it a rule for every server here.
 */
public final class OpenFilesPreload {
  private OpenFilesPreload() {}

  public static void run() {
    ZoneId.systemDefault().getRules();
    new SimpleFormatter().format(new LogRecord(Level.INFO, "preload")); // LogManager and the formatter's date
  }
}
