package dev.openrouter4j.agent;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the independent tool calls of one step, up to {@code parallelism} at a time, on a pool made
 * for the step and shut down after it (no virtual threads on Java 17, and a tool call costs far
 * less than the model call around it). One call, or parallelism 1, runs on the caller's thread.
 * Results come back in call order; the listener hears each as it finishes, on the caller's thread.
 */
final class ToolRunner {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadFactory FACTORY =
      r -> {
        Thread t = new Thread(r, "openrouter4j-tool-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      };

  private final int parallelism;

  ToolRunner(int parallelism) {
    this.parallelism = parallelism;
  }

  List<ToolResult> run(List<Supplier<ToolResult>> calls, AgentListener listener) {
    ToolResult[] results = new ToolResult[calls.size()];
    if (calls.size() <= 1 || parallelism == 1) {
      for (int i = 0; i < results.length; i++) {
        results[i] = calls.get(i).get();
        listener.onToolResult(results[i]);
      }
      return Arrays.asList(results);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, calls.size()), FACTORY);
    try {
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < results.length; i++) {
        int index = i;
        done.submit(() -> {
          results[index] = calls.get(index).get();
          return index;
        });
      }
      for (int n = 0; n < results.length; n++) {
        int index = done.take().get(); // happens-before: results[index] is visible here
        listener.onToolResult(results[index]);
      }
      return Arrays.asList(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while tools ran");
    } catch (ExecutionException e) {
      // a tool call never throws an Exception (Tool.call turns them into outputs): this is an Error
      Throwable cause = e.getCause();
      if (cause instanceof Error error) throw error;
      if (cause instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
