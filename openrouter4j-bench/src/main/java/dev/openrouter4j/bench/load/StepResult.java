package dev.openrouter4j.bench.load;

import java.util.Map;

/**
 * One fixed-rate step against one target. {@code sent} counts the requests intended within the
 * measured window (after the warm-up); {@code errors} those that failed, came back late, or had not
 * finished when the step ended, by kind in {@code errorKinds}. Latencies are from each request's
 * intended send time: {@code total} to the end of the response, {@code ttft} to the first content
 * token and {@code ttlt} to the stream's last event ({@code [DONE]}); the last two only for streams.
 */
public record StepResult(
    String target,
    String mode,
    double rate,
    double seconds,
    long sent,
    long ok,
    long errors,
    Map<String, Long> errorKinds,
    double achievedRate,
    long maxSendLagMicros,
    int peakConnections,
    Summary total,
    Summary ttft,
    Summary ttlt) {

  public double errorRate() {
    return sent == 0 ? 0 : (double) errors / sent;
  }
}
