package dev.openrouter4j.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * A response as the transport received it. A buffered call's body is already in memory; a stream's
 * body is the live connection, which {@link #close()} releases.
 */
public record RawResponse(int status, HttpHeaders headers, InputStream body) implements AutoCloseable {

  public static RawResponse buffered(int status, HttpHeaders headers, byte[] body) {
    return new RawResponse(status, headers, new ByteArrayInputStream(body));
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  public String contentType() {
    return headers.firstValue("content-type").orElse("");
  }

  public byte[] readAll() {
    try (InputStream in = body) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the body once the server has ended it, waiting at most {@code wait} (an event stream
   * after its last event): a live body closed before its end costs its connection.
   */
  public void finish(Duration wait) {
    if (body instanceof StreamingBody live) {
      live.finish(wait.toNanos());
    } else {
      close();
    }
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // the connection is being abandoned; nothing useful to report
    }
  }
}
