package dev.openrouter4j.bench;

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


/**
 * The harness's entry point, run by bench/run.sh through bench/harness:
 *
 * <pre>
 * gateway-suite --sim0 URL --sim200 URL --gateway URL [--portkey URL] [pids] [--quick] --out FILE
 * sdk-suite --url URL [--quick] --out FILE
 * report --results DIR --out FILE
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
