package dev.openrouter4j.gateway.routing;

import java.util.List;

/**
 * Which failed attempt leads to which next one (ROUTING.md a4, a5). The caller runs a {@link
 * RoutePlan}'s attempts in order; after a failure before the first token it asks {@link
 * #afterFailure} what is left to try. Once a stream has delivered a token, nothing is retried.
 */
public final class FallbackPolicy {
  /** The status the caller reports for a connection failure, timeout of the connect or empty reply. */
  public static final int CONNECTION_FAILURE = 502;

  private FallbackPolicy() {}

  /**
   * Whether another provider of the same model may be tried: on timeouts (408), rate limits (429)
   * and server errors or unreachable upstreams (5xx). Other 4xx say the request itself is wrong for
   * this model, which another provider would most likely say as well.
   */
  public static boolean shouldFallBack(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /**
   * The attempts still worth making after {@code attempts.get(0)} failed with {@code status}. A
   * fallback-worthy status moves on to the next endpoint; any other error skips the rest of the
   * failed model's endpoints, since "any error" triggers the next model in {@code models}.
   */
  public static List<Candidate> afterFailure(List<Candidate> attempts, int status) {
    if (attempts.isEmpty()) throw new IllegalArgumentException("no failed attempt");
    List<Candidate> rest = attempts.subList(1, attempts.size());
    if (shouldFallBack(status)) return List.copyOf(rest);
    String failedModel = attempts.get(0).model();
    return rest.stream().filter(c -> !c.model().equals(failedModel)).toList();
  }
}
