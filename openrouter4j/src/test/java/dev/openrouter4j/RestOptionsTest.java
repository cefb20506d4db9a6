package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.api.models.ModelsListParams;
import dev.openrouter4j.errors.ClientTimeoutException;
import dev.openrouter4j.errors.ServiceUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST services go through the same pipeline as chat: retries, per-call options, timeouts. */
class RestOptionsTest extends LoopbackTest {
  static final String UNAVAILABLE = "{\"error\":{\"code\":503,\"message\":\"try again\"}}";

  @Test
  void aTransientStatusIsRetriedForGetsPatchesAndDeletes() throws Exception {
    reply(503, UNAVAILABLE);
    replyExample("credits");
    reply(503, UNAVAILABLE);
    replyExample("keys-update");
    reply(503, UNAVAILABLE);
    replyExample("keys-delete");
    assertEquals(100.5, client.credits().get().totalCredits());
    assertEquals(75.0, client.apiKeys().update("h", UpdateKeyRequest.builder().limit(75.0).build()).limit());
    assertEquals(true, client.apiKeys().delete("h"));
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO), clients.sleeps);
    assertEquals("GET /api/v1/credits", line(server.takeRequest()));
    assertEquals("GET /api/v1/credits", line(server.takeRequest()));
    MockServer.Recorded patch = server.takeRequest();
    assertEquals("PATCH /api/v1/keys/h", line(patch));
    assertEquals("{\"limit\":75.0}", patch.body());
    assertEquals("{\"limit\":75.0}", server.takeRequest().body(), "the retry sends the same body");
  }

  @Test
  void perCallOptionsApply() throws Exception {
    reply(503, UNAVAILABLE);
    replyExample("models-list");
    assertThrows(ServiceUnavailableException.class,
        () -> client.providers().list(RequestOptions.builder().noRetries().build()));
    assertEquals(List.of(), clients.sleeps);
    server.takeRequest();

    client.models().list(
        ModelsListParams.builder().q("claude").build(),
        RequestOptions.builder().serverUrl(server.url("/proxy/v1")).header("X-OpenRouter-Metadata", "enabled").build());
    MockServer.Recorded r = server.takeRequest();
    assertEquals("GET /proxy/v1/models?q=claude", line(r));
    assertEquals("enabled", r.header("X-OpenRouter-Metadata"));
  }

  @Test
  void aPerCallTimeoutCutsASlowGetShort() {
    server.enqueue(MockServer.Reply.json(200, SpecExamples.read("credits")).stall(Duration.ofSeconds(3)));
    RequestOptions quick = RequestOptions.builder().noRetries().timeout(Duration.ofMillis(200)).build();
    assertThrows(ClientTimeoutException.class, () -> client.credits().get(quick));
  }

  @Test
  void pathSegmentsAreEncodedWholeSlashesIncluded() throws Exception {
    replyExample("keys-get");
    client.apiKeys().get("a/b?c#d é");
    assertEquals("GET /api/v1/keys/a%2Fb%3Fc%23d%20%C3%A9", line(server.takeRequest()));
  }

  static String line(MockServer.Recorded r) {
    return r.method() + " " + r.path();
  }
}
