package dev.openrouter4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.openrouter4j.bench.floor.MinimalRelay;
import dev.openrouter4j.bench.load.LatencyTrace;
import dev.openrouter4j.bench.load.LoadGenerator;
import dev.openrouter4j.bench.load.StepResult;
import dev.openrouter4j.bench.load.StreamHolder;
import dev.openrouter4j.bench.load.Target;
import dev.openrouter4j.bench.report.ReportWriter;
import dev.openrouter4j.bench.suite.GatewaySuite;
import dev.openrouter4j.bench.suite.SdkSuite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;


/**
 * The harness's entry point, run by bench/run.sh through bench/harness:
 *
 * <pre>
 * gateway-suite --sim0 URL --sim200 URL --gateway URL [--portkey URL] [pids] [--quick] --out FILE
 * sdk-suite --url URL [--quick] --out FILE [--rounds N] [--modes json,sse] [--callers 1,64] [--priming N]
 * report --results DIR --out FILE
 * step --url URL --model M [--headers "K: V; K: V"] [--mode json|sse] [--rate R] [--warmup S] [--duration S]
 *      [--trace FILE]            one open-loop step, printed as JSON (for trying things by hand); --trace
 *                                also writes each measured request's intended time and latency (LatencyTrace)
 * hold --url URL --model M [--headers ...] --streams N [--seconds S]
 *                                holds N streams open for S seconds, printing how many got content
 * relay --port N --upstream-port N  the minimal Vert.x hop (MinimalRelay) until killed, for bench/hop-floor.sh
 * free-port                      a free port on 127.0.0.1
 * wait-port --port N [--seconds S]  until 127.0.0.1:N accepts connections (exit 1 if it never does)
 * </pre>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] argv) throws IOException {
    if (argv.length == 0) {
      System.err.println("usage: bench/harness gateway-suite|sdk-suite|report|free-port|wait-port [--options]");
      System.exit(2);
    }
    Args args = new Args(Arrays.asList(argv).subList(1, argv.length));
    switch (argv[0]) {
      case "gateway-suite" -> GatewaySuite.main(args);
      case "sdk-suite" -> SdkSuite.main(args);
      case "report" -> ReportWriter.write(Path.of(args.string("results")), Path.of(args.string("out")));
      case "step" -> step(args);
      case "hold" -> hold(args);
      case "relay" -> {
        MinimalRelay.start((int) args.number("port", 0), (int) args.number("upstream-port", 0)).await();
        System.out.println("relay listening on 127.0.0.1:" + (int) args.number("port", 0));
        try {
          Thread.currentThread().join(); // until killed
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      case "free-port" -> {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          System.out.println(s.getLocalPort());
        }
      }
      case "wait-port" -> System.exit(waitPort((int) args.number("port", 0), args.number("seconds", 60)) ? 0 : 1);
      default -> {
        System.err.println("unknown command " + argv[0]);
        System.exit(2);
      }
    }
    // the SDK clients leave non-daemon threads behind in some versions; the work is done
    System.exit(0);
  }

  private static Target target(Args args) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : args.string("headers", "").split(";")) {
      int colon = h.indexOf(':');
      if (colon > 0) headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
    }
    return Target.of("target", args.string("url"), args.string("model"), headers);
  }

  static void hold(Args args) throws IOException {
    int n = (int) args.number("streams", 1000);
    try (StreamHolder h = StreamHolder.open(target(args), n, args.number("open-rate", 1000), "", 30_000)) {
      System.out.println("opened: " + h.counts());
      try {
        Thread.sleep(args.seconds("seconds", 10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.out.println("after holding: " + h.counts());
    }
  }

  static void step(Args args) throws IOException {
    Target target = target(args);
    LoadGenerator.Mode mode = LoadGenerator.Mode.valueOf(args.string("mode", "json").toUpperCase(Locale.ROOT));
    String traceFile = args.string("trace", "");
    LatencyTrace trace = traceFile.isEmpty() ? null : new LatencyTrace();
    StepResult r = new LoadGenerator(15_000).run(new LoadGenerator.Step(target, mode, args.number("rate", 100),
        args.seconds("warmup", 1), args.seconds("duration", 5), args.seconds("timeout", 10), "", null), trace);
    if (trace != null) trace.writeTo(Path.of(traceFile));
    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
  }

  static boolean waitPort(int port, long seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return true;
      } catch (IOException e) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

}
