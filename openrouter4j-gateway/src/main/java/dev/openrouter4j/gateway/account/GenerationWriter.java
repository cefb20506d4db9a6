package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.store.Database;
import dev.openrouter4j.gateway.store.StorageException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes generation records off the request path: a queue drained by one thread, which waits at
 * most {@code interval} after a batch's first record (or until {@code batchSize} records are
 * there) and inserts the batch with JDBC batching in one transaction.
 *
 * <p>While a batch fills, the writer sleeps: the records behind its first one do not wake it (a
 * wake-up per record cost 2.8 futex calls per request at 500 requests/s, 0.3 now; the CPU per
 * request did not measurably change: docs/BENCHMARKS.md). Only a full batch or a flush wakes it early.
 *
 * <p><b>Nothing is dropped.</b> At most {@code capacity} records are accepted and not yet
 * committed. {@link #offer} never blocks and says false when that many are; {@link #write} then
 * waits for room (so the caller, on a worker thread, is slowed down instead). A batch that fails
 * for a transient reason (database down, pool exhausted) is retried with back-off until it is
 * written, so a long outage fills the queue and pushes back on requests. {@link #flush} returns
 * once everything accepted before it is committed; {@link #close} stops accepting and drains the
 * queue, retrying until {@code closeTimeout} and only then reporting what it could not write. A
 * record the database refuses outright (its data, not the connection) is logged and counted in
 * {@link #lost}, alone: the rest of its batch is written one by one.
 *
 * <p><b>What a hard crash loses</b> (kill -9, power cut; a graceful shutdown calls {@link #close}):
 * the records accepted but not yet committed. While the database keeps up that is the last
 * {@code interval} (200 ms by default) plus the insert in progress; while it is slow or down, up
 * to {@code capacity} records (10,000 by default). Requests still in flight have no record yet and
 * are lost with it either way, as is the settling of their credit reservations (which {@link
 * CreditLedger#releaseExpired} gives back later, uncharged).
 *
 * <p>Until a record is committed, {@link #pending} finds it, so a client that asks for its
 * generation right after the response sees it.
 */
public final class GenerationWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GenerationWriter.class.getName());
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final String INSERT_GENERATION =
      "INSERT INTO generations (id, key_hash, model, provider, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,"
          + " cost, latency_ms, generation_time_ms, finish_reason, streamed, cancelled, created_at, created_day, served_status, api_type)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String INSERT_ATTEMPT =
      "INSERT INTO generation_attempts (generation_id, seq, provider, model, status, latency_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  /**
   * How many records may be accepted and not yet committed, how many go in one insert, how long a
   * batch waits to fill, and how long close keeps retrying a failing database.
   */
  public record Options(int capacity, int batchSize, Duration interval, Duration closeTimeout) {
    public Options {
      if (capacity < 1 || batchSize < 1) throw new IllegalArgumentException("capacity and batchSize must be >= 1");
      Objects.requireNonNull(interval, "interval == null");
      Objects.requireNonNull(closeTimeout, "closeTimeout == null");
    }

    public static Options defaults() {
      return new Options(10_000, 500, Duration.ofMillis(200), Duration.ofSeconds(30));
    }
  }

  /** A request to complete {@code done} once everything queued before it is committed. */
  private record Marker(CompletableFuture<Void> done, boolean stop) {}

  private final Database db;
  private final Options options;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  // one permit per record that may be accepted; a record's permit comes back once it is committed
  // (or given up), so the queue and the batch in hand together never hold more than capacity
  private final Semaphore room;
  private final Map<String, GenerationRecord> pending = new ConcurrentHashMap<>();
  // writers hold the read lock while they enqueue; close takes the write lock to shut the door, so
  // no record can slip in behind the final marker
  private final ReadWriteLock door = new ReentrantReadWriteLock();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  // markers queued and not yet taken: while there are any, a filling batch does not wait
  private final AtomicInteger markersQueued = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closed;
  private volatile long giveUpAtNanos = Long.MAX_VALUE;
  private volatile RuntimeException lastFailure;

  public GenerationWriter(Database db, Options options) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.options = Objects.requireNonNull(options, "options == null");
    this.room = new Semaphore(options.capacity());
    this.thread = Thread.ofPlatform().name("openrouter4j-generation-writer").daemon().start(this::run);
  }

  /** Queues the record if there is room now; false when the queue is full or the writer closed. */
  public boolean offer(GenerationRecord record) {
    if (!door.readLock().tryLock()) return false;
    try {
      if (closed || !room.tryAcquire()) return false;
      accept(record);
      return true;
    } finally {
      door.readLock().unlock();
    }
  }

  /**
   * Queues the record, waiting for room while the queue is full (back-pressure: call it off the
   * event loop). Throws {@link IllegalStateException} once the writer is closed.
   */
  public void write(GenerationRecord record) throws InterruptedException {
    door.readLock().lockInterruptibly();
    try {
      if (closed) throw new IllegalStateException("the generation writer is closed");
      room.acquire();
      accept(record);
    } finally {
      door.readLock().unlock();
    }
  }

  private void accept(GenerationRecord record) {
    pending.put(record.id(), record);
    queue.add(record);
    accepted.incrementAndGet();
    // a waiting writer holds its batch's first record: with this queue, the batch is full
    if (queue.size() + 1 >= options.batchSize()) LockSupport.unpark(thread);
  }

  /** Queues a marker and wakes the writer: whoever waits on it should not wait out the interval. */
  private void queueMarker(Marker m) {
    markersQueued.incrementAndGet();
    queue.add(m);
    LockSupport.unpark(thread);
  }

  /** Records accepted and not yet committed: the queue's depth, for a gauge. */
  public int backlog() {
    return options.capacity() - room.availablePermits();
  }

  /** A record accepted but not yet committed, by id. */
  public Optional<GenerationRecord> pending(String id) {
    return Optional.ofNullable(pending.get(id));
  }

  /** Waits until every record accepted before this call is committed (or given up at close). */
  public void flush() throws InterruptedException {
    awaitMarker(Long.MAX_VALUE);
  }

  /** As {@link #flush()}, waiting at most {@code timeout}; false when it ran out. */
  public boolean flush(Duration timeout) throws InterruptedException {
    return awaitMarker(timeout.toNanos());
  }

  private boolean awaitMarker(long timeoutNanos) throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    door.readLock().lockInterruptibly();
    try {
      if (closed) return true; // close drains everything itself
      queueMarker(new Marker(done, false));
    } finally {
      door.readLock().unlock();
    }
    return await(done, timeoutNanos);
  }

  /**
   * Stops accepting records and writes every queued one. Retries a failing database until {@code
   * closeTimeout}; then throws {@link IllegalStateException} saying how many records were lost.
   */
  @Override
  public void close() {
    if (closed) return;
    giveUpAtNanos = System.nanoTime() + options.closeTimeout().toNanos();
    CompletableFuture<Void> done = new CompletableFuture<>();
    door.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      queueMarker(new Marker(done, true));
    } finally {
      door.writeLock().unlock();
    }
    try {
      await(done, Long.MAX_VALUE);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the generation writer", e);
    }
    if (lost.get() > 0) {
      throw new IllegalStateException(lost.get() + " generation records could not be written", lastFailure);
    }
  }

  /** Records accepted, committed and given up (at close) so far. */
  public long accepted() {
    return accepted.get();
  }

  public long written() {
    return written.get();
  }

  public long lost() {
    return lost.get();
  }

  private static boolean await(CompletableFuture<Void> done, long timeoutNanos) throws InterruptedException {
    try {
      if (timeoutNanos == Long.MAX_VALUE) done.get();
      else done.get(timeoutNanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void run() {
    List<GenerationRecord> batch = new ArrayList<>(options.batchSize());
    List<Marker> markers = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        collect(batch, markers);
      } catch (InterruptedException e) {
        // only close may end the writer; an interrupt is ignored so that nothing queued is lost
        continue;
      }
      if (!batch.isEmpty()) store(batch);
      for (Marker m : markers) {
        m.done().complete(null);
        stop |= m.stop();
      }
      batch.clear();
      markers.clear();
    }
  }

  /**
   * Takes the next batch: waits for a first entry, then sleeps until {@code interval} has passed,
   * the queue holds a full batch, or a marker is queued (whoever flushes should not wait out the
   * interval), and takes up to a batch. Records queued in the meantime do not wake it.
   */
  private void collect(List<GenerationRecord> batch, List<Marker> markers) throws InterruptedException {
    add(queue.take(), batch, markers);
    long deadline = System.nanoTime() + options.interval().toNanos();
    while (markers.isEmpty() && markersQueued.get() == 0 && batch.size() + queue.size() < options.batchSize()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      LockSupport.parkNanos(this, left);
      Thread.interrupted(); // only close may end the writer; an interrupt must not turn the wait into a spin
    }
    boolean closing = false;
    for (Marker m : markers) closing |= m.stop();
    while (closing || (markers.isEmpty() && batch.size() < options.batchSize())) {
      Object next = queue.poll();
      if (next == null) return;
      add(next, batch, markers);
      // closing: nothing can be queued behind the final marker, so this is the last batch
      if (next instanceof Marker m) closing |= m.stop();
    }
  }

  private void add(Object o, List<GenerationRecord> batch, List<Marker> markers) {
    if (o instanceof Marker m) {
      markersQueued.decrementAndGet();
      markers.add(m);
    } else {
      batch.add((GenerationRecord) o);
    }
  }

  private enum Outcome {
    WRITTEN,
    REJECTED,
    GAVE_UP
  }

  /**
   * Inserts the batch. When the data itself is refused (a value the schema does not take), the
   * records are written one by one so that only the bad ones are rejected, logged and counted as
   * lost; one bad record never blocks the others.
   */
  private void store(List<GenerationRecord> batch) {
    Outcome outcome = attempt(batch);
    if (outcome == Outcome.REJECTED && batch.size() > 1) {
      for (GenerationRecord r : batch) {
        Outcome one = attempt(List.of(r));
        if (one != Outcome.WRITTEN) giveUp(List.of(r), one);
      }
    } else if (outcome != Outcome.WRITTEN) {
      giveUp(batch, outcome);
    }
  }

  /** Tries until written, refused, or (failing on) past close's timeout, backing off in between. */
  private Outcome attempt(List<GenerationRecord> records) {
    long backoffMs = 50;
    while (true) {
      try {
        for (int from = 0; from < records.size(); from += options.batchSize()) {
          insert(records.subList(from, Math.min(records.size(), from + options.batchSize())));
        }
        written.addAndGet(records.size());
        for (GenerationRecord r : records) pending.remove(r.id());
        room.release(records.size());
        return Outcome.WRITTEN;
      } catch (RuntimeException e) {
        lastFailure = e;
        if (!(e instanceof StorageException s) || !s.isTransient()) return Outcome.REJECTED;
        if (System.nanoTime() - giveUpAtNanos >= 0) return Outcome.GAVE_UP;
        LOG.log(System.Logger.Level.WARNING, "writing " + records.size() + " generation records failed, retrying in " + backoffMs + " ms: " + e.getMessage());
        sleep(backoffMs);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
      }
    }
  }

  private void giveUp(List<GenerationRecord> records, Outcome why) {
    String reason = why == Outcome.REJECTED ? "refused by the database" : "not written before the close timeout";
    LOG.log(System.Logger.Level.ERROR, records.size() + " generation records " + reason + " (first id " + records.get(0).id() + "): " + lastFailure.getMessage());
    lost.addAndGet(records.size());
    for (GenerationRecord r : records) pending.remove(r.id());
    room.release(records.size());
  }

  /** One transaction. A retried batch may be partly in already: ON CONFLICT DO NOTHING skips those rows. */
  private void insert(List<GenerationRecord> records) {
    db.inTransaction(
        "write generation records",
        c -> {
          try (PreparedStatement g = c.prepareStatement(INSERT_GENERATION);
              PreparedStatement a = c.prepareStatement(INSERT_ATTEMPT)) {
            int attempts = 0;
            for (GenerationRecord r : records) {
              boolean folded = servedAttemptRepeatsRow(r);
              bind(g, r, folded);
              g.addBatch();
              int separate = folded ? r.attempts().size() - 1 : r.attempts().size();
              for (int seq = 0; seq < separate; seq++) {
                GenerationRecord.Attempt at = r.attempts().get(seq);
                a.setString(1, r.id());
                a.setInt(2, seq);
                a.setString(3, clip(at.provider(), 100));
                a.setString(4, clip(at.model(), 200));
                a.setInt(5, at.status());
                a.setLong(6, at.latencyMs());
                a.addBatch();
                attempts++;
              }
            }
            g.executeBatch();
            if (attempts > 0) a.executeBatch();
          }
          return null;
        });
  }

  /**
   * Whether the last attempt (the served one) says nothing the generations row does not: then the
   * row keeps its status (served_status) and only the failed attempts before it get rows of their
   * own, so a generation served at the first try is one insert, not two (V5 migration).
   */
  static boolean servedAttemptRepeatsRow(GenerationRecord r) {
    if (r.attempts().isEmpty()) return false;
    GenerationRecord.Attempt served = r.attempts().get(r.attempts().size() - 1);
    return served.provider().equals(r.provider()) && served.model().equals(r.model()) && served.latencyMs() == r.latencyMs();
  }

  private static void bind(PreparedStatement s, GenerationRecord r, boolean folded) throws SQLException {
    s.setString(1, r.id());
    s.setString(2, r.keyHash());
    s.setString(3, clip(r.model(), 200));
    s.setString(4, clip(r.provider(), 100));
    s.setLong(5, r.promptTokens());
    s.setLong(6, r.completionTokens());
    s.setLong(7, r.cachedTokens());
    s.setLong(8, r.reasoningTokens());
    s.setBigDecimal(9, Money.of(r.cost()));
    s.setLong(10, r.latencyMs());
    s.setLong(11, r.generationTimeMs());
    s.setString(12, clip(r.finishReason(), 64));
    s.setBoolean(13, r.streamed());
    s.setBoolean(14, r.cancelled());
    s.setObject(15, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
    s.setObject(16, LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC));
    if (folded) {
      s.setInt(17, r.attempts().get(r.attempts().size() - 1).status());
    } else {
      s.setNull(17, java.sql.Types.INTEGER);
    }
    s.setString(18, r.apiType());
  }

  /** Names longer than their column are cut rather than refused: the record matters more. */
  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      // keep going: only close ends the writer
    }
  }
}
