package dev.openrouter4j.gateway.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseParser;
import dev.openrouter4j.gateway.account.Cost;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.ChatResultAssembler;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code pricing: upstream}: the cost an OpenRouter upstream reports ({@code usage.cost}) is read
 * from its recorded answers on every path (stream, whole answer, the whole-answer relay, the
 * Responses stream) and is what the answer costs; the same zero-completion insurance applies.
 */
class UpstreamPricingTest {
  static final Generation UPSTREAM_PRICED =
      new Generation("gen-1700000000-abcdefghijklmnopqrst", 1_700_000_000L, "openai/gpt-4o-mini", "openrouter", Pricing.UPSTREAM);

  @Test
  void aRecordedStreamsCostIsRead() throws IOException {
    List<LlmEvent> events = new ArrayList<>();
    ChatChunkDecoder decoder = new ChatChunkDecoder();
    SseParser parser = new SseParser(e -> {
      if (!e.isDone()) decoder.event(e, events::add);
    });
    parser.feed(ChatRelayEquivalenceTest.fixture("openrouter/chat-stream-text-usage-cost.sse"));
    parser.end();
    decoder.end(events::add);
    assertEquals(0.0145476, usage(events).reportedCost());
  }

  @Test
  void aRecordedCompletionCostsTheSameOnTheCanonicalPathAndTheRelay() throws IOException {
    byte[] body = ChatRelayEquivalenceTest.fixture("openrouter/chat-completion-nonstream-usage-cost.json");
    List<LlmEvent> events = new ArrayList<>();
    ChatChunkDecoder.decodeResult(body, events::add);
    assertEquals(0.002223, usage(events).reportedCost());
    ChatResultAssembler assembler = new ChatResultAssembler();
    events.forEach(assembler::accept);
    JsonNode canonical = Json.mapper().valueToTree(assembler.result(UPSTREAM_PRICED));

    ChatCompletionRelay.Relayed relayed = ChatCompletionRelay.relay(body, UPSTREAM_PRICED);
    assertNotNull(relayed, "the fixture is plain text: the relay takes it");
    assertEquals(0.002223, usage(relayed.events()).reportedCost());
    JsonNode fast = Json.mapper().readTree(relayed.body());
    for (JsonNode answer : List.of(canonical, fast)) {
      assertEquals(0.002223, answer.path("usage").path("cost").asDouble(), answer.toString());
      // the schema requires a prompt and completion split in cost_details, which an upstream's total does not give
      assertFalse(answer.path("usage").has("cost_details"), answer.toString());
    }
  }

  @Test
  void aRecordedResponsesStreamsCostIsRead() {
    List<LlmEvent> events = new ArrayList<>();
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    for (SseEvent e : ResponsesFixtures.events("openrouter/responses-stream-reasoning.sse")) if (!e.isDone()) decoder.event(e, events::add);
    decoder.end(events::add);
    assertEquals(0.0000113, usage(events).reportedCost());
  }

  @Test
  void anUpstreamPricedAnswerCostsWhatItsUpstreamReported() {
    TokenUsage reported = new TokenUsage(21, 144, 0, 0, 0, 0.002223);
    Cost cost = Cost.of(Pricing.UPSTREAM, reported, "stop");
    assertEquals(0.002223, cost.total());
    assertNull(cost.promptCost());
    assertNull(cost.completionCost());
    // nothing reported: nothing charged; the same insurance as for configured prices
    assertEquals(0, Cost.of(Pricing.UPSTREAM, new TokenUsage(21, 144, 0, 0, 0), "stop").total());
    assertEquals(0, Cost.of(Pricing.UPSTREAM, reported, "error").total());
    assertEquals(0, Cost.of(Pricing.UPSTREAM, new TokenUsage(21, 0, 0, 0, 0, 0.5), "stop").total());
    assertEquals(0, Cost.of(Pricing.UPSTREAM, new TokenUsage(21, 144, 0, 0, 0, -1.0), "stop").total());
    // configured prices ignore what the upstream says
    assertEquals(144 * 2 / 1e6 + 21 / 1e6, Cost.of(new Pricing(1, 2, 0, null, null), reported, "stop").total(), 1e-12);
  }

  @Test
  void aLaterReportKeepsTheCostAnEarlierOneGave() {
    TokenUsage early = new TokenUsage(10, 0, 0, 0, 0);
    TokenUsage last = new TokenUsage(10, 5, 0, 0, 0, 0.25);
    assertEquals(0.25, early.merge(last).reportedCost());
    assertEquals(0.25, last.merge(early).reportedCost());
    assertNull(early.merge(early).reportedCost());
  }

  private static TokenUsage usage(List<LlmEvent> events) {
    TokenUsage usage = null;
    for (LlmEvent e : events) {
      if (e instanceof LlmEvent.Usage u) usage = usage == null ? u.usage() : usage.merge(u.usage());
    }
    assertNotNull(usage, "no usage in " + events);
    return usage;
  }
}
