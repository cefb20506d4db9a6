package dev.openrouter4j.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;
import java.util.Locale;

/**
 * The Vert.x instance of a server process (the gateway, the simulator). On Linux it runs on Netty's
 * native epoll transport, which spends less CPU per socket read and write than the JDK's NIO
 * selector: a stream is one read and one write per token, so that is the gateway's hot path
 * ({@code docs/BENCHMARKS.md}). Where the native library does not load (another OS or CPU), or when
 * {@code -Dopenrouter4j.transport=nio} asks for it, the transport is NIO.
 */
public final class ServerVertx {
  /** The system property that picks the transport: {@code native} (the default) or {@code nio}. */
  public static final String TRANSPORT_PROPERTY = "openrouter4j.transport";

  private ServerVertx() {}

  public static Vertx create() {
    return Vertx.builder().withTransport(transport(System.getProperty(TRANSPORT_PROPERTY, "native"))).build();
  }

  static Transport transport(String wanted) {
    return switch (wanted.trim().toLowerCase(Locale.ROOT)) {
      case "nio" -> Transport.NIO;
      case "native", "" -> {
        Transport t = Transport.nativeTransport();
        yield t != null && t.available() ? t : Transport.NIO;
      }
      default -> throw new IllegalArgumentException(TRANSPORT_PROPERTY + " must be native or nio, not '" + wanted + "'");
    };
  }

  /**
   * For the start banner: {@code epoll}, or {@code nio}. Vert.x gives no reason when the native
   * library did not load (its transport constant is then null), so none is printed.
   */
  public static String describe(Vertx vertx) {
    return vertx.isNativeTransportEnabled() ? Transport.nativeTransport().name().toLowerCase(Locale.ROOT) : "nio";
  }
}
