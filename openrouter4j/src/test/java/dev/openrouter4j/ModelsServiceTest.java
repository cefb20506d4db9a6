package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.models.Model;
import dev.openrouter4j.api.models.ModelsList;
import dev.openrouter4j.api.models.ModelsListParams;
import dev.openrouter4j.errors.NotFoundException;
import dev.openrouter4j.errors.RequestValidationException;
import dev.openrouter4j.errors.ResponseDecodeException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsServiceTest extends LoopbackTest {

  @Test
  void listSendsOnlyTheFiltersThatWereSetUrlEncoded() throws Exception {
    replyExample("models-list");
    ModelsList list =
        client.models().list(ModelsListParams.builder()
            .category(ModelsListParams.Category.MARKETING_SEO)
            .supportedParameters("tools", "response_format")
            .inputModalities("text", "image")
            .outputModalities("text")
            .sort(ModelsListParams.Sort.NEWEST)
            .q("gpt 4+o")
            .minPrice(0.5)
            .maxPrice(10.0)
            .providers("OpenAI", "Google AI Studio")
            .zdr(true)
            .offset(0)
            .limit(500)
            .build());
    expectBodiless("GET",
        "models?category=marketing%2Fseo&supported_parameters=tools%2Cresponse_format&input_modalities=text%2Cimage"
            + "&output_modalities=text&sort=newest&q=gpt%204%2Bo&min_price=0.5&max_price=10"
            + "&providers=OpenAI%2CGoogle%20AI%20Studio&zdr=true&offset=0&limit=500");

    assertEquals(150, list.totalCount());
    assertEquals("/api/v1/models?offset=500&limit=500", list.links().next());
    assertEquals(2, list.data().size());
    Model first = list.data().get(0);
    assertEquals("openai/gpt-4", first.id());
    assertEquals("GPT-4", first.name());
    assertEquals(8192, first.contextLength());
    assertEquals(1692901234L, first.created());
    assertEquals("text->text", first.architecture().modality());
    assertEquals(List.of("text"), first.architecture().inputModalities());
    assertEquals("GPT", first.architecture().tokenizer());
    assertEquals("chatml", first.architecture().instructType());
    assertEquals(new BigDecimal("0.00003"), first.pricing().promptPrice());
    assertEquals("0.00006", first.pricing().completion());
    assertEquals("0", first.pricing().request());
    assertEquals(true, first.topProvider().isModerated());
    assertEquals(4096, first.topProvider().maxCompletionTokens());
    assertEquals("medium", first.reasoning().defaultEffort());
    assertEquals(List.of("high", "medium", "low", "minimal"), first.reasoning().supportedEfforts());
    assertEquals(false, first.reasoning().mandatory());
    assertNull(first.perRequestLimits());
    assertNull(first.defaultParameters());
    assertNull(first.supportedVoices());
    assertEquals(List.of("temperature", "top_p", "max_tokens", "frequency_penalty", "presence_penalty"),
        list.data().get(1).supportedParameters());
    assertNull(first.extra(), "every key of the example is modelled");
  }

  @Test
  void listWithoutParamsSendsNoQueryString() throws Exception {
    replyExample("models-list");
    assertEquals(2, client.models().list().data().size());
    expectBodiless("GET", "models");
  }

  @Test
  void getAsksForOneModelByAuthorAndSlugWithTheSlugEncoded() throws Exception {
    replyExample("model");
    replyExample("model");
    Model model = client.models().get("openai", "gpt-4");
    expectBodiless("GET", "model/openai/gpt-4");
    assertEquals("openai/gpt-4", model.canonicalSlug());
    assertEquals("/api/v1/models/openai/gpt-4/endpoints", model.links().details());
    assertEquals("GPT-4 is a large multimodal model that can solve difficult problems with greater accuracy.", model.description());

    client.models().get("meta-llama", "llama 3:free");
    expectBodiless("GET", "model/meta-llama/llama%203%3Afree");
  }

  @Test
  void getOfAnUnknownModelIsANotFoundException() {
    reply(404, "{\"error\":{\"code\":404,\"message\":\"Model not found\"}}");
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.models().get("acme", "nope"));
    assertEquals("Model not found", e.errorMessage());
  }

  @Test
  void aBlankPathParameterIsRefusedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.models().get(" ", "gpt-4"));
    assertEquals("author", e.field());
    assertEquals("slug", assertThrows(RequestValidationException.class, () -> client.models().get("openai", null)).field());
    assertEquals(0, server.requestCount());
  }

  @Test
  void countReturnsTheCountAndCanFilterByOutputModality() throws Exception {
    replyExample("models-count");
    replyExample("models-count");
    assertEquals(150, client.models().count());
    expectBodiless("GET", "models/count");
    assertEquals(150, client.models().count("text,image"));
    expectBodiless("GET", "models/count?output_modalities=text%2Cimage");
  }

  @Test
  void aCountWithoutItsNumberIsADecodeFailureNotANullPointer() {
    reply(200, "{\"data\":{}}");
    ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> client.models().count());
    assertTrue(e.getMessage().contains("data.count"), e.getMessage());
  }

  @Test
  void listForUserPagesWithOffsetAndLimit() throws Exception {
    replyExample("models-user");
    replyExample("models-user");
    ModelsList all = client.models().listForUser();
    expectBodiless("GET", "models/user");
    assertEquals("openai/gpt-4", all.data().get(0).id());
    client.models().listForUser(100, 50);
    expectBodiless("GET", "models/user?offset=100&limit=50");
  }

  @Test
  void theAsyncVariantsComplete() throws Exception {
    replyExample("models-list");
    replyExample("model");
    replyExample("models-count");
    replyExample("models-user");
    assertEquals(150, client.models().listAsync(ModelsListParams.builder().limit(1).build()).get().totalCount());
    assertEquals("GPT-4", client.models().getAsync("openai", "gpt-4").get().name());
    assertEquals(150, client.models().countAsync().get());
    assertEquals(1, client.models().listForUserAsync().get().data().size());
    assertEquals("/api/v1/models?limit=1", server.takeRequest().path());
  }

  @Test
  void unknownFieldsAreKeptAtEveryLevel() {
    reply(200,
        "{\"data\":{\"id\":\"acme/m\",\"name\":\"M\",\"new_top\":1,\"architecture\":{\"modality\":\"text->text\","
            + "\"new_arch\":\"x\"},\"pricing\":{\"prompt\":\"0\",\"completion\":\"0\",\"video_second\":\"0.1\"}},"
            + "\"meta\":{\"v\":2}}");
    Model m = client.models().get("acme", "m");
    assertEquals(1, m.extra().get("new_top"));
    assertEquals("x", m.architecture().extra().get("new_arch"));
    assertEquals("0.1", m.pricing().extra().get("video_second"));
  }
}
