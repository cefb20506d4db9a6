package dev.openrouter4j.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal HTTP/1.1 client over blocking sockets, meant to be called from virtual threads: one
 * request per connection at a time, keep-alive connections kept in a LIFO pool, opened on demand.
 *
 * <p>Why not the JDK's {@code HttpClient}: it hands every response from its selector thread to an
 * executor, an extra thread hop per request (and per body chunk of a stream) whose scheduling delay
 * would be counted as server latency, and it allocates far more per request. Here the request is
 * one prebuilt byte array written with one call, and each arrival time is taken right after the
 * read that delivered the bytes returned, in the thread that waits for them.
 */
final class LoadClient implements Closeable {
  /** How one exchange ended; times are {@link System#nanoTime()}, -1 when not reached. */
  record Outcome(String error, long endNanos, long firstContentNanos, long doneNanos) {
    boolean ok() {
      return error == null;
    }
  }

  private static final ResponseReader.BodySink DISCARD = (b, o, l, t) -> {};

  private final InetSocketAddress address;
  private final int readTimeoutMillis;
  private final int maxConnections;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  LoadClient(String host, int port, int readTimeoutMillis, int maxConnections) {
    this.address = new InetSocketAddress(host, port);
    this.readTimeoutMillis = readTimeoutMillis;
    this.maxConnections = maxConnections;
  }

  int openConnections() {
    return open.size();
  }

  /** Sends {@code request} and reads the whole response; never throws. */
  Outcome exchange(byte[] request, boolean sse) {
    Connection c = idle.pollFirst();
    boolean reused = c != null;
    Outcome first = attempt(c, request, sse);
    if (first != RETRY) return first;
    // a kept-alive connection the server had closed meanwhile: once more on a fresh one
    return reused ? attempt(null, request, sse) : new Outcome("io: connection closed before the response", System.nanoTime(), -1, -1);
  }

  private static final Outcome RETRY = new Outcome("retry", -1, -1, -1);

  private Outcome attempt(Connection c, byte[] request, boolean sse) {
    if (closed) return new Outcome("client closed", System.nanoTime(), -1, -1);
    boolean reused = c != null;
    if (c == null) {
      if (open.size() >= maxConnections) return new Outcome("connection limit (" + maxConnections + ")", System.nanoTime(), -1, -1);
      try {
        c = connect();
      } catch (IOException e) {
        return new Outcome("connect: " + e.getClass().getSimpleName(), System.nanoTime(), -1, -1);
      }
    }
    ResponseReader reader = new ResponseReader(c.in, c.buffer, System::nanoTime);
    try {
      c.out.write(request);
      c.out.flush();
      reader.readHead();
      if (reader.status() != 200) {
        reader.readBody(DISCARD);
        finish(c, reader.reusable());
        return new Outcome("http " + reader.status(), System.nanoTime(), -1, -1);
      }
      if (!sse) {
        reader.readBody(DISCARD);
        long end = System.nanoTime();
        finish(c, reader.reusable());
        return new Outcome(null, end, -1, -1);
      }
      SseScanner scanner = new SseScanner();
      reader.readBody(scanner);
      long end = System.nanoTime();
      finish(c, reader.reusable());
      String error = scanner.sawError() ? "in-stream error" : !scanner.sawDone() ? "stream ended without [DONE]" : null;
      return new Outcome(error, end, scanner.firstContentNanos(), scanner.doneNanos());
    } catch (IOException | RuntimeException e) {
      discard(c);
      if (reused && !reader.anyByteRead() && !closed && !(e instanceof SocketTimeoutException)) return RETRY;
      String kind = e instanceof SocketTimeoutException ? "timeout" : "io: " + e.getClass().getSimpleName();
      return new Outcome(kind, System.nanoTime(), -1, -1);
    }
  }

  private Connection connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(address, 5_000);
      s.setSoTimeout(readTimeoutMillis);
      Connection c = new Connection(s, s.getInputStream(), s.getOutputStream(), new byte[16 * 1024]);
      open.add(c);
      if (closed) discard(c);
      return c;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  private void finish(Connection c, boolean reusable) {
    if (reusable && !closed) {
      idle.offerFirst(c);
    } else {
      discard(c);
    }
  }

  private void discard(Connection c) {
    open.remove(c);
    try {
      c.socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Closes every connection, idle or busy: a request still waiting fails at once. */
  @Override
  public void close() {
    closed = true;
    idle.clear();
    for (Connection c : open) discard(c);
  }

  private record Connection(Socket socket, InputStream in, OutputStream out, byte[] buffer) {}
}
