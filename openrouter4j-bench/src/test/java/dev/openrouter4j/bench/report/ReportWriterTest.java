package dev.openrouter4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openrouter4j.bench.load.StepResult;
import dev.openrouter4j.bench.load.StreamHolder;
import dev.openrouter4j.bench.load.Summary;
import dev.openrouter4j.bench.suite.GatewaySuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  private static Summary latency(long p50, long p99) {
    return new Summary(1000, p50, p50, p50 + 10, p99, p99 + 100, p99 + 1000);
  }

  private static StepResult result(String target, String mode, long p50, long p99, long errors) {
    Summary s = latency(p50, p99);
    boolean sse = mode.equals("sse");
    return new StepResult(target, mode, 1000, 4, 4000, 4000 - errors, errors, errors > 0 ? Map.of("http 502", errors) : Map.of(),
        1000, 50, 120, s, sse ? s : Summary.EMPTY, sse ? s : Summary.EMPTY);
  }

  private void writeGateway(boolean withPortkey, boolean quick) throws IOException {
    Map<String, StepResult> json = new LinkedHashMap<>();
    json.put("direct", result("direct", "json", 100_000, 101_000, 0));
    json.put("gateway", result("gateway", "json", 100_200, 101_400, 0)); // +0.4 ms at p99
    if (withPortkey) json.put("portkey", result("portkey", "json", 102_000, 105_000, 3)); // +4 ms at p99, 0.1 % errors
    Map<String, StepResult> sse = new LinkedHashMap<>();
    sse.put("direct", result("direct", "sse", 100_000, 101_000, 0));
    sse.put("gateway", result("gateway", "sse", 100_300, 102_500, 0)); // +1.5 ms at p99
    if (withPortkey) sse.put("portkey", result("portkey", "sse", 103_000, 110_000, 0));
    List<GatewaySuite.Run> runs = List.of(
        new GatewaySuite.Run("ttft0", "json", 1000, 5000, json, Map.of("gateway", 900L, "direct", 400L)),
        new GatewaySuite.Run("ttft0", "sse", 1000, 5000, sse, Map.of("gateway", 1500L)));
    List<GatewaySuite.MaxRate> max = List.of(new GatewaySuite.MaxRate("ttft0", "json", "gateway", 4000, 8000.0,
        List.of(new GatewaySuite.Rung(4000, 0, 120_000, 4000, Map.of()), new GatewaySuite.Rung(8000, 0.2, 900_000, 6000, Map.of("late (over 1000 ms)", 900L)))));
    List<GatewaySuite.Memory> memory = List.of(new GatewaySuite.Memory("gateway", 150L << 20, List.of(
        new GatewaySuite.StreamsRss(1000, 300L << 20, new StreamHolder.Counts(1000, 1000, 1000, 0, 0), null),
        new GatewaySuite.StreamsRss(10_000, 700L << 20, new StreamHolder.Counts(10_000, 10_000, 1000, 0, 0), null))));
    Map<String, Object> settings = Map.of("warmupSeconds", 1.0, "measureSeconds", 4.0, "ladder", List.of(4000, 8000),
        "ladderWarmupSeconds", 0.5, "ladderMeasureSeconds", 1.5, "lateAfterMs", 1000, "simulator", "50 tokens at 500 tokens/s");
    new ObjectMapper().writeValue(dir.resolve("gateway.json").toFile(),
        new GatewaySuite.Output("now", quick, settings, List.of(), runs, max, memory));
  }

  private void writeRest() throws IOException {
    Files.writeString(dir.resolve("machine.properties"),
        "mode=quick\ndate=2026-11-22 03:00 UTC\nnproc=2\ncpu_model=Test CPU\nnote=other builds were running\nportkey_status=installed\n"
            + "elapsed_seconds=250\nnotes=first gap|second gap\n");
    Files.createDirectories(dir.resolve("commands"));
    Files.writeString(dir.resolve("commands/gateway-suite.txt"), "bench/harness gateway-suite --quick\n");
    Files.writeString(dir.resolve("commands/jmh.txt"), "bench/harness jmh -f 1\n");
    String jmh = """
        [
          {"benchmark":"dev.openrouter4j.bench.jmh.SseDecodeBenchmark.openrouter4jStream","mode":"thrpt",
           "primaryMetric":{"score":900000.0,"scoreError":1000.0,"scoreUnit":"ops/s"},
           "secondaryMetrics":{"gc.alloc.rate.norm":{"score":3000.0,"scoreUnit":"B/op"}}},
          {"benchmark":"dev.openrouter4j.bench.jmh.SseDecodeBenchmark.openaiJavaStream","mode":"thrpt",
           "primaryMetric":{"score":300000.0,"scoreError":1000.0,"scoreUnit":"ops/s"},"secondaryMetrics":{}},
          {"benchmark":"dev.openrouter4j.bench.jmh.GatewayStagesBenchmark.route","mode":"avgt",
           "primaryMetric":{"score":850.0,"scoreError":20.0,"scoreUnit":"ns/op"},"secondaryMetrics":{}},
          {"benchmark":"dev.openrouter4j.bench.jmh.ChatRelayBenchmark.relayCanonical","mode":"avgt",
           "primaryMetric":{"score":4000.0,"scoreError":100.0,"scoreUnit":"ns/op"},"secondaryMetrics":{}},
          {"benchmark":"dev.openrouter4j.bench.jmh.ChatRelayBenchmark.relayFast","mode":"avgt",
           "primaryMetric":{"score":1000.0,"scoreError":50.0,"scoreUnit":"ns/op"},"secondaryMetrics":{}}
        ]""";
    Files.writeString(dir.resolve("jmh.json"), jmh);
    Path jar = dir.resolve("sdk.jar");
    Files.write(jar, new byte[1_500_000]);
    Files.writeString(dir.resolve("footprint-openrouter4j.txt"), jar.toString());
  }

  private String render() {
    return new ReportWriter(Inputs.load(dir)).render();
  }

  @Test
  void tablesTargetsAndCommandsComeFromTheResults() throws IOException {
    writeGateway(true, true);
    writeRest();
    String md = render();
    assertTrue(md.startsWith("# Benchmarks\n"));
    assertTrue(md.contains("Quick mode"));
    assertTrue(md.contains("other builds were running"));
    assertTrue(md.contains("in 4 min 10 s"));
    assertTrue(md.contains("| CPU | Test CPU (2 cores as seen by `nproc`) |"));
    // overheads: differences of percentiles, gateway and Portkey, and their ratio
    assertTrue(md.contains("| ttft0 | 1,000 | 100.000 | 101.000 | +0.200 | +0.200 | +0.400 | +0.400 | — | +2.000 | +2.000 | +4.000 | +4.000 | 10.0× | 0 / 0 / 3 (0.1%) |"), md);
    // targets: JSON under 1 ms but streaming over it, so not met; Portkey ratio; SSE 3x; footprint 1.5 MB
    assertTrue(md.contains("ttft0 JSON +0.400 ms; ttft0 stream TTFT +1.500 ms; ttft0 stream last token +1.500 ms | **not met** |"), md);
    assertTrue(md.contains("ttft0 JSON 10.0×; ttft0 stream TTFT 6.0×; ttft0 stream last token 6.0× | **met** |"), md);
    assertTrue(md.contains("900,000 vs 300,000 events/s: 3.00× | **met** |"), md);
    assertTrue(md.contains("1.50 MB (1,500,000 bytes, 1 jars) | **met** |"), md);
    // 10k streams answered under 1 GiB RSS, but only 1,000 of them streaming: not the target
    assertTrue(md.contains("700 MiB RSS; 10000 answered, 1000 streaming content, 0 failed (the others waited for an upstream connection) | **not met** |"), md);
    assertTrue(md.contains("| json | gateway | 4,000 | 8,000 |"), md);
    assertTrue(md.contains("| ttft0 | json | 1,000 | 180 ms | — | 80 ms | — |"), "CPU per 1,000 requests: 900 ms over 5,000 requests\n" + md);
    assertTrue(md.contains("```sh\nbench/harness gateway-suite --quick\n```"));
    assertTrue(md.contains("| route |"));
    assertTrue(md.contains("### Relay fast path (JMH)"), md);
    assertTrue(md.contains("| 4.00× faster |"), md);
    assertTrue(md.contains("- first gap\n- second gap\n"));
  }

  @Test
  void theDirectPathMeasuredAgainShowsTheNoiseNextToTheOverhead() throws IOException {
    Map<String, StepResult> json = new LinkedHashMap<>();
    json.put("direct", result("direct", "json", 100_000, 101_000, 0));
    json.put("gateway", result("gateway", "json", 100_200, 109_000, 0)); // +8 ms at p99
    json.put(GatewaySuite.DIRECT_AGAIN, result(GatewaySuite.DIRECT_AGAIN, "json", 100_100, 101_700, 0)); // +0.7 ms: the noise
    new ObjectMapper().writeValue(dir.resolve("gateway.json").toFile(), new GatewaySuite.Output("now", false, Map.of(), List.of(),
        List.of(new GatewaySuite.Run("ttft0", "json", 1000, 5000, json, Map.of())), List.of(), List.of()));
    writeRest();
    String md = render();
    assertTrue(md.contains("| ttft0 | 1,000 | 100.000 | 101.000 | +0.200 | +0.200 | +8.000 | +8.000 | +0.700 | — |"), md);
    assertTrue(md.contains("ttft0 JSON +8.000 ms (noise: +0.700 ms) | **not met** |"), md);
    assertTrue(md.contains("| ttft0 | json | 1,000 | direct-again | 4000 |"), "the raw table lists the second measurement\n" + md);
  }

  @Test
  void theHandKeptSectionSurvivesARewriteAndNothingElseDoes() throws IOException {
    writeGateway(true, false);
    writeRest();
    Path out = dir.resolve("BENCHMARKS.md");
    String kept = "\n" + ReportWriter.KEPT_SECTION + "\n\nA/B of the upstream pool: 2.0x (bench/ab-gateway.sh abc123)\n";
    Files.writeString(out, "# Benchmarks\n\nan old generated table\n" + kept);
    ReportWriter.write(dir, out);
    String rewritten = Files.readString(out);
    assertTrue(rewritten.endsWith(kept), rewritten);
    assertFalse(rewritten.contains("an old generated table"), rewritten);
    assertTrue(rewritten.indexOf("## Targets") < rewritten.indexOf(ReportWriter.KEPT_SECTION));
    Files.delete(out);
    ReportWriter.write(dir, out);
    assertFalse(Files.readString(out).contains(ReportWriter.KEPT_SECTION));
  }

  @Test
  void sdkRatiosMeasuredOverRoundsAreShownAsTheirMedian() throws IOException {
    writeGateway(false, false);
    writeRest();
    dev.openrouter4j.bench.load.Summary s = latency(1_000, 2_000);
    List<dev.openrouter4j.bench.suite.SdkSuite.Result> results = List.of(
        new dev.openrouter4j.bench.suite.SdkSuite.Result("openrouter4j", "json", 1, 1, 8, 8000, 0, 1000, s, 80, 6, null),
        new dev.openrouter4j.bench.suite.SdkSuite.Result("openai-java", "json", 1, 1, 8, 4000, 0, 500, s, 90, 5, null));
    List<dev.openrouter4j.bench.suite.SdkSuite.Ratio> ratios =
        List.of(new dev.openrouter4j.bench.suite.SdkSuite.Ratio("json", 1, List.of(2.0, 1.2, 1.5), 1.5));
    new ObjectMapper().writeValue(dir.resolve("sdk.json").toFile(),
        new dev.openrouter4j.bench.suite.SdkSuite.Output("now", false, Map.of("rounds", 3, "measureSeconds", 8, "warmupSeconds", 3), results, ratios));
    String md = render();
    assertTrue(md.contains("measured 3 times"), md);
    assertTrue(md.contains("| buffered | 1 | 1,000 | 500 | 1.50× (2.00, 1.20, 1.50) |"), md);
  }

  @Test
  void tenThousandStreamsHeldInProcessOrCutShortByOpenFilesAreSaidSo() throws IOException {
    writeRest();
    List<GatewaySuite.Memory> inProcess = List.of(new GatewaySuite.Memory("gateway", 150L << 20, List.of(
        new GatewaySuite.StreamsRss(10_000, 600L << 20, new StreamHolder.Counts(10_000, 10_000, 10_000, 0, 0), null, "in-process"))));
    new ObjectMapper().writeValue(dir.resolve("gateway.json").toFile(),
        new GatewaySuite.Output("now", false, Map.of(), List.of(), List.of(), List.of(), inProcess));
    String md = render();
    assertTrue(md.contains("600 MiB RSS; 10000 answered, 10000 streaming content, 0 failed; upstream: the gateway's in-process simulated model | **met** |"), md);
    assertTrue(md.contains("| gateway | 150 MiB | 10,000 (in-process upstream) | 600 MiB |"), md);

    List<GatewaySuite.Memory> cut = List.of(new GatewaySuite.Memory("gateway", 150L << 20, List.of(
        new GatewaySuite.StreamsRss(10_000, 680L << 20, new StreamHolder.Counts(10_000, 9_962, 9_962, 0, 0), null))));
    new ObjectMapper().writeValue(dir.resolve("gateway.json").toFile(),
        new GatewaySuite.Output("now", false, Map.of(), List.of(), List.of(), List.of(), cut));
    md = render();
    assertTrue(md.contains("9962 streaming content, 0 failed (the others were not accepted in time: see the note on open files) | **not met** |"), md);
  }

  @Test
  void aPathFailingOnePercentOrMoreIsShownAsFailingNotByItsFewSuccesses() throws IOException {
    writeRest();
    Map<String, StepResult> json = new LinkedHashMap<>();
    json.put("direct", result("direct", "json", 100_000, 101_000, 0));
    json.put("gateway", result("gateway", "json", 100_200, 101_400, 0));
    json.put("portkey", result("portkey", "json", 100_100, 100_900, 400)); // 10 % errors, fast survivors
    new ObjectMapper().writeValue(dir.resolve("gateway.json").toFile(), new GatewaySuite.Output("now", true, Map.of(), List.of(),
        List.of(new GatewaySuite.Run("ttft0", "json", 1000, 5000, json, Map.of())), List.of(), List.of()));
    String md = render();
    assertTrue(md.contains("| +0.200 | +0.200 | +0.400 | +0.400 | — | fails | fails | fails | fails | — |"), md);
    assertTrue(md.contains("ttft0 JSON: Portkey failed 10% of requests, no overhead to compare | — |"), md);
  }

  @Test
  void withoutPortkeyTheComparisonIsNotMeasuredRatherThanInvented() throws IOException {
    writeGateway(false, true);
    writeRest();
    Files.writeString(dir.resolve("machine.properties"), "mode=quick\nportkey_status=unavailable: npm install failed\n");
    String md = render();
    assertTrue(md.contains("not measured (Portkey: unavailable: npm install failed) | — |"), md);
    assertFalse(md.contains("10.0×"));
  }

  @Test
  void anEmptyResultsDirectoryStillGivesAReport() {
    String md = render();
    assertTrue(md.contains("## Gateway"));
    assertTrue(md.contains("Not measured: the gateway suite did not produce results"));
    assertTrue(md.contains("## SDK"));
  }
}
