package dev.openrouter4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One non-streaming chat call, per SDK, in three measures: the request object to JSON bytes
 * ({@code encode*}), the recorded {@code chat.completion} JSON to the SDK's result type ({@code
 * decode*}), and the whole public call over an in-memory transport ({@code call*}: build the request,
 * send, decode). Same request content and same recorded response for both SDKs.
 *
 * <p>This SDK's encoding is what {@code ChatService.send} does before the transport: the request as
 * a JSON tree, checked against the documented limits, written as bytes. openai-java's is what its
 * request body does: its params body written by its {@code JsonMapper}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SdkCallBenchmark {
  static final String SYSTEM = "You are a helpful assistant.";
  static final String USER = "What is the capital of France?";

  private ChatRequest request;
  private ChatCompletionCreateParams params;
  private byte[] response;
  private final ObjectWriter writer = Json.mapper().writer();
  private final ObjectReader resultReader = Json.mapper().readerFor(ChatResult.class);
  private JsonMapper openAiMapper;
  private ObjectReader completionReader;
  private OpenRouter openRouter;
  private OpenAIClient openAi;

  @Setup
  public void setup() {
    response = Fixtures.bytes(Fixtures.CHAT_COMPLETION);
    request = ourRequest();
    params = openAiParams();
    openAiMapper = ObjectMappers.jsonMapper();
    completionReader = openAiMapper.readerFor(ChatCompletion.class);
    openRouter =
        OpenRouter.builder()
            .apiKey("bench")
            .serverUrl("http://127.0.0.1:9/api/v1")
            .retryConfig(RetryConfig.none())
            .httpClient(new CannedJdkHttpClient(200, "application/json", response))
            .build();
    openAi =
        new OpenAIClientImpl(
            ClientOptions.builder()
                .apiKey("bench")
                .baseUrl("http://127.0.0.1:9/v1")
                .maxRetries(0)
                .httpClient(new CannedOpenAiHttpClient(200, "application/json", response))
                .build());
    if (callOpenrouter4j().text().isEmpty() || callOpenaiJava().choices().isEmpty()) {
      throw new IllegalStateException("the recorded completion did not decode");
    }
  }

  @TearDown
  public void tearDown() {
    openRouter.close();
    openAi.close();
  }

  static ChatRequest ourRequest() {
    return ChatRequest.builder()
        .model("openai/gpt-4o")
        .messages(ChatMessage.system(SYSTEM), ChatMessage.user(USER))
        .maxTokens(150)
        .temperature(0.7)
        .build();
  }

  static ChatCompletionCreateParams openAiParams() {
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addSystemMessage(SYSTEM)
        .addUserMessage(USER)
        .maxCompletionTokens(150)
        .temperature(0.7)
        .build();
  }

  @Benchmark
  public byte[] encodeOpenrouter4j() throws IOException {
    JsonNode tree = Json.mapper().valueToTree(request.toBuilder().stream(false).build());
    if (RequestLimits.check(tree, RequestLimits.Api.CHAT).isPresent()) throw new IllegalStateException("invalid");
    return writer.writeValueAsBytes(tree);
  }

  @Benchmark
  public byte[] encodeOpenaiJava() throws IOException {
    return openAiMapper.writeValueAsBytes(params._body());
  }

  @Benchmark
  public ChatResult decodeOpenrouter4j() throws IOException {
    return resultReader.readValue(response);
  }

  @Benchmark
  public ChatCompletion decodeOpenaiJava() throws IOException {
    return completionReader.readValue(response);
  }

  @Benchmark
  public ChatResult callOpenrouter4j() {
    return openRouter.chat().send(ourRequest());
  }

  @Benchmark
  public ChatCompletion callOpenaiJava() {
    return openAi.chat().completions().create(openAiParams());
  }
}
