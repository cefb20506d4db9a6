package dev.openrouter4j.examples;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RequestOptions;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.Enums.DataCollection;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Enums.ReasoningSummary;
import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.Plugin;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.account.LimitReset;
import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.embeddings.EmbeddingsRequest;
import dev.openrouter4j.api.embeddings.EmbeddingsResponse;
import dev.openrouter4j.api.models.ModelsList;
import dev.openrouter4j.api.models.ModelsListParams;
import dev.openrouter4j.api.rerank.RerankRequest;
import dev.openrouter4j.api.rerank.RerankResponse;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.ResponsesToolChoice;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.responses.TextConfig;
import dev.openrouter4j.api.responses.TextFormat;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.errors.TooManyRequestsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The README's examples, compiled with the build so they cannot rot. {@code ReadmeExamplesTest}
 * checks that every Java block in README.md appears here verbatim. Each method body between the
 * {@code // README:name} markers is one block.
 */
@SuppressWarnings("unused")
final class ReadmeExamples {

  void chat() {
    // README:chat
    try (OpenRouter openRouter = OpenRouter.builder()
        .apiKey(System.getenv("OPENROUTER_API_KEY"))
        .httpReferer("https://myapp.example")
        .appTitle("My App")
        .appCategories("cli-agent")
        .build()) {

      ChatResult result = openRouter.chat().send(ChatRequest.builder()
          .model("openai/gpt-4")
          .messages(
              ChatMessage.system("You are a helpful assistant."),
              ChatMessage.user("What is the capital of France?"))
          .maxTokens(150)
          .temperature(0.7)
          .build());

      System.out.println(result.text());
      System.out.println(result.usage().totalTokens() + " tokens, $" + result.usage().cost());
    }
    // README:end
  }

  void chatStream(OpenRouter openRouter) {
    // README:chat-stream
    ChatRequest request = ChatRequest.builder()
        .model("openai/gpt-4")
        .messages(ChatMessage.user("Write a haiku about the sea."))
        .build();

    ChatAccumulator accumulator = new ChatAccumulator();
    try (EventStream<ChatStreamChunk> stream = openRouter.chat().stream(request)) {
      for (ChatStreamChunk chunk : stream) {
        accumulator.accept(chunk);
        if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content() != null) {
          System.out.print(chunk.choices().get(0).delta().content());
        }
      }
    }
    ChatResult whole = accumulator.result(); // text, tool calls, usage and cost, as send() would give
    // README:end
  }

  void responses(OpenRouter openRouter) {
    // README:responses
    Response response = openRouter.beta().responses().send(ResponsesRequest.builder()
        .model("anthropic/claude-4.5-sonnet-20250929")
        .input(InputItem.user("What is the weather like in Paris?"))
        .instructions("Answer briefly.")
        .putMetadata("user_id", "123")
        .tools(ResponsesTool.function("get_current_weather",
            "Get the current weather in a given location",
            Map.of("type", "object",
                "properties", Map.of("location", Map.of("type", "string")),
                "required", java.util.List.of("location"))))
        .toolChoice(ResponsesToolChoice.auto())
        .parallelToolCalls(false)
        .text(TextConfig.of(TextFormat.text(), "medium"))
        .reasoning(Reasoning.of(ReasoningEffort.MEDIUM, ReasoningSummary.AUTO))
        .maxOutputTokens(1000)
        .temperature(0.7)
        .topP(0.9)
        .provider(ProviderPreferences.builder()
            .order("anthropic", "google-vertex")
            .allowFallbacks(true)
            .dataCollection(DataCollection.DENY)
            .sort(SortBy.PRICE)
            .build())
        .plugins(Plugin.web(), Plugin.responseHealing())
        .sessionId("abc-def-ghi")
        .build());

    response.functionCalls().forEach(call -> System.out.println(call.name() + " " + call.arguments()));
    System.out.println(response.text());
    // README:end
  }

  void responsesStream(OpenRouter openRouter) {
    // README:responses-stream
    ResponsesRequest request = ResponsesRequest.builder()
        .model("openai/gpt-4o")
        .input("Tell me a short story.")
        .build();

    try (EventStream<StreamEvent> events = openRouter.responses().stream(request)) {
      for (StreamEvent event : events) {
        if (event instanceof StreamEvent.OutputTextDelta delta) {
          System.out.print(delta.delta());
        } else if (event instanceof StreamEvent.Completed done) {
          System.out.println("\n" + done.response().usage().outputTokens() + " tokens");
        }
      }
    }
    // README:end
  }

  void errors(OpenRouter openRouter, ChatRequest request) {
    // README:errors
    try {
      openRouter.chat().send(request);
    } catch (PaymentRequiredException e) {            // 402
      System.err.println("Top up: " + e.errorMessage());
    } catch (TooManyRequestsException e) {            // 429, after the retries ran out
      System.err.println("Slow down; retry after " + e.headers().firstValue("retry-after").orElse("?"));
    } catch (ApiException e) {                        // any other status
      System.err.println(e.statusCode() + " " + e.errorMessage() + " " + e.metadata());
    }
    // README:end
  }

  void retries() {
    // README:retries
    OpenRouter openRouter = OpenRouter.builder()
        .apiKey(System.getenv("OPENROUTER_API_KEY"))
        .timeout(Duration.ofMinutes(2))
        .retryConfig(RetryConfig.builder()
            .initialInterval(Duration.ofMillis(500))
            .maxInterval(Duration.ofSeconds(60))
            .exponent(1.5)
            .maxElapsedTime(Duration.ofMinutes(5))
            .maxAttempts(4)
            .retryStatuses(408, 429, 500, 502, 503, 504, 524, 529)
            .build())
        .build();

    RequestOptions once = RequestOptions.builder()
        .noRetries()
        .timeout(Duration.ofSeconds(30))
        .header("X-OpenRouter-Metadata", "enabled")
        .build();
    // README:end
  }

  void moreOfTheApi(OpenRouter openRouter, ChatResult result) {
    // README:more
    ModelsList cheapWithTools = openRouter.models().list(ModelsListParams.builder()
        .supportedParameters("tools")
        .sort(ModelsListParams.Sort.PRICING_LOW_TO_HIGH)
        .limit(10)
        .build());
    cheapWithTools.data().forEach(m -> System.out.println(m.id() + " $" + m.pricing().prompt() + "/token"));

    openRouter.endpoints().list("openai", "gpt-4o").endpoints()
        .forEach(e -> System.out.println(e.providerName() + " up " + e.uptimeLast30m() + "%"));

    Generation generation = openRouter.generations().get(result.id());
    System.out.println(generation.totalCost() + " USD in " + generation.latency() + " ms");
    System.out.println(openRouter.credits().get().remaining() + " USD left");

    CreateKeyResponse created = openRouter.apiKeys().create(CreateKeyRequest.builder()
        .name("CI").limit(10.0).limitReset(LimitReset.MONTHLY).build());
    String secret = created.key(); // returned this once only
    openRouter.apiKeys().update(created.data().hash(), UpdateKeyRequest.builder().removeLimit().build());

    EmbeddingsResponse embeddings = openRouter.embeddings().create(EmbeddingsRequest.builder()
        .model("openai/text-embedding-3-small")
        .input(List.of("The quick brown fox", "jumps over the lazy dog"))
        .build());
    float[] fox = embeddings.vectors().get(0);

    CompletableFuture<RerankResponse> ranked = openRouter.rerank().rerankAsync(RerankRequest.builder()
        .model("cohere/rerank-v3.5")
        .query("What is the capital of France?")
        .documents("Paris is the capital of France.", "Berlin is the capital of Germany.")
        .build());
    // README:end
  }
}
