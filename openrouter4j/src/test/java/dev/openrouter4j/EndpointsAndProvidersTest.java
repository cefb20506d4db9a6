package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.models.ModelEndpoints;
import dev.openrouter4j.api.models.ProviderInfo;
import dev.openrouter4j.api.models.PublicEndpoint;
import dev.openrouter4j.errors.ResponseDecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointsAndProvidersTest extends LoopbackTest {

  @Test
  void endpointsOfAModel() throws Exception {
    replyExample("model-endpoints");
    ModelEndpoints m = client.endpoints().list("openai", "gpt-4");
    expectBodiless("GET", "models/openai/gpt-4/endpoints");
    assertEquals("openai/gpt-4", m.id());
    assertEquals("GPT-4", m.name());
    assertEquals(1692901234L, m.created());
    assertEquals("GPT", m.architecture().tokenizer());
    assertEquals(1, m.endpoints().size());
    PublicEndpoint e = m.endpoints().get(0);
    assertEquals("OpenAI: GPT-4", e.name());
    assertEquals("OpenAI", e.providerName());
    assertEquals("openai", e.tag());
    assertEquals(8192, e.contextLength());
    assertEquals(4096, e.maxCompletionTokens());
    assertEquals(8192, e.maxPromptTokens());
    assertEquals("fp16", e.quantization());
    assertEquals(0, e.status());
    assertEquals(true, e.supportsImplicitCaching());
    assertEquals(100.0, e.uptimeLast5m());
    assertEquals(99.5, e.uptimeLast30m());
    assertEquals(99.8, e.uptimeLast1d());
    assertEquals(0.25, e.latencyLast30m().p50());
    assertEquals(0.85, e.latencyLast30m().p99());
    assertEquals(45.2, e.throughputLast30m().p50());
    assertEquals("0.00003", e.pricing().prompt());
    assertNull(e.extra());
    assertNull(m.extra());
  }

  @Test
  void zeroDataRetentionEndpoints() throws Exception {
    replyExample("endpoints-zdr");
    List<PublicEndpoint> zdr = client.endpoints().listZdr();
    expectBodiless("GET", "endpoints/zdr");
    assertEquals(1, zdr.size());
    assertEquals("openai/gpt-4", zdr.get(0).modelId());
    assertEquals("GPT-4", zdr.get(0).modelName());
    assertEquals(false, zdr.get(0).supportsVoiceCloning());
    assertEquals(List.of("temperature", "top_p", "max_tokens"), zdr.get(0).supportedParameters());
  }

  @Test
  void providers() throws Exception {
    replyExample("providers");
    List<ProviderInfo> providers = client.providers().list();
    expectBodiless("GET", "providers");
    ProviderInfo p = providers.get(0);
    assertEquals("OpenAI", p.name());
    assertEquals("openai", p.slug());
    assertEquals("https://openai.com/privacy", p.privacyPolicyUrl());
    assertEquals("https://openai.com/terms", p.termsOfServiceUrl());
    assertEquals("https://status.openai.com", p.statusPageUrl());
    assertEquals("US", p.headquarters());
    assertEquals(List.of("US", "IE"), p.datacenters());
  }

  @Test
  void theAsyncVariantsComplete() throws Exception {
    replyExample("model-endpoints");
    replyExample("endpoints-zdr");
    replyExample("providers");
    assertEquals(1, client.endpoints().listAsync("openai", "gpt-4").get().endpoints().size());
    assertEquals("fp16", client.endpoints().listZdrAsync().get().get(0).quantization());
    assertEquals("openai", client.providers().listAsync().get().get(0).slug());
  }

  @Test
  void aBodyWithoutItsDataEnvelopeIsADecodeFailure() {
    reply(200, "[{\"name\":\"OpenAI\",\"slug\":\"openai\"}]");
    assertThrows(ResponseDecodeException.class, () -> client.providers().list());
    reply(200, "{\"providers\":[]}");
    ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> client.providers().list());
    assertEquals("{\"providers\":[]}", e.rawBody());
  }
}
