package dev.openrouter4j.agent;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.chat.ChatChoice;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ResponseFormat;
import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.TextFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Structured output from a Java type, usually a record: the JSON Schema is derived from the type,
 * sent as {@code json_schema}, and the reply is read back as the type.
 *
 * <pre>{@code
 * record Capital(String country, String city, int population) {}
 * Capital c = StructuredOutput.send(openRouter, ResponsesRequest.builder()
 *     .model("openai/gpt-4o-mini").input("The capital of France?").build(), Capital.class);
 * }</pre>
 *
 * <p>The schema is strict-mode shaped (every property required, no others; optional ones
 * nullable: {@code Optional<T>} or a {@code @Nullable} annotation) and sent with {@code strict:
 * true}, which providers without strict mode ignore. A type with a {@code Map} component cannot be
 * strict (strict mode has no open objects), so it is sent without {@code strict}.
 */
public final class StructuredOutput {
  private StructuredOutput() {}

  /** The JSON Schema of {@code type}, as the wire records take it. */
  public static Map<String, Object> schemaFor(Class<?> type) {
    return Schemas.asMap(Objects.requireNonNull(type, "type == null"));
  }

  /** Whether {@code type}'s schema can be sent with {@code strict: true}. */
  public static boolean strictCompatible(Class<?> type) {
    return Schemas.strictCompatible(Schemas.of(type));
  }

  /** {@code text.format} for the Responses API: {@code json_schema} named after the type. */
  public static TextFormat.JsonSchema textFormat(Class<?> type) {
    return new TextFormat.JsonSchema(name(type), schemaFor(type), null, strictCompatible(type) ? true : null, null);
  }

  /** {@code response_format} for chat completions: {@code json_schema} named after the type. */
  public static ResponseFormat.JsonSchema responseFormat(Class<?> type) {
    return ResponseFormat.jsonSchema(name(type), schemaFor(type), strictCompatible(type) ? true : null);
  }

  /** Sends {@code request} with {@code type}'s format (other text settings kept) and reads the reply. */
  public static <T> T send(OpenRouter client, ResponsesRequest request, Class<T> type) {
    Response response = client.responses().send(request.toBuilder().textFormat(textFormat(type)).build());
    return parse(response, type);
  }

  /** Sends {@code request} with {@code type}'s response format and reads the first choice. */
  public static <T> T send(OpenRouter client, ChatRequest request, Class<T> type) {
    ChatResult result = client.chat().send(request.toBuilder().responseFormat(responseFormat(type)).build());
    return parse(result, type);
  }

  /** Reads a response's output text as {@code type}; a refusal or a cut-short output is an exception that says so. */
  public static <T> T parse(Response response, Class<T> type) {
    String text = response.text();
    if (response.output() != null) {
      for (OutputItem item : response.output()) {
        if (item instanceof OutputItem.Message m && m.content() != null) {
          for (OutputContent part : m.content()) {
            if (part instanceof OutputContent.Refusal r) {
              throw new StructuredOutputException("the model refused: " + r.refusal(), type, text, null);
            }
          }
        }
      }
    }
    String cut = null;
    if (Response.INCOMPLETE.equals(response.status())) {
      cut = response.incompleteDetails() == null ? "incomplete" : response.incompleteDetails().reason();
    }
    return parse(text, type, cut);
  }

  /** Reads the first choice's content as {@code type}; a refusal or a cut-short output is an exception that says so. */
  public static <T> T parse(ChatResult result, Class<T> type) {
    ChatChoice choice = result.choices() == null || result.choices().isEmpty() ? null : result.choices().get(0);
    if (choice != null && choice.message() != null && choice.message().refusal() != null) {
      throw new StructuredOutputException("the model refused: " + choice.message().refusal(), type, result.text(), null);
    }
    String cut = choice != null && "length".equals(choice.finishReason()) ? "length" : null;
    return parse(result.text(), type, cut);
  }

  /**
   * Reads {@code json} as {@code type}. A reply wrapped in one Markdown code fence (as models do
   * without enforced structured output) is unwrapped first.
   */
  public static <T> T parse(String json, Class<T> type) {
    return parse(json, type, null);
  }

  private static <T> T parse(String text, Class<T> type, String cutShort) {
    Objects.requireNonNull(type, "type == null");
    if (text == null || text.isBlank()) {
      throw new StructuredOutputException(
          "the model returned no text to read as " + type.getSimpleName() + (cutShort == null ? "" : " (output cut short: " + cutShort + ")"),
          type, text, null);
    }
    try {
      return TypedJson.read(unfence(text), type);
    } catch (TypedJson.MismatchException e) {
      String message = "the model's output does not match " + type.getSimpleName() + ": " + e.getMessage();
      if (cutShort != null) message += " (the output was cut short: " + cutShort + ")";
      throw new StructuredOutputException(message, type, text, e.getCause());
    }
  }

  private static String unfence(String text) {
    String t = text.strip();
    if (!t.startsWith("```") || !t.endsWith("```") || t.length() < 6) return text;
    int firstLine = t.indexOf('\n');
    if (firstLine < 0) return text;
    return t.substring(firstLine + 1, t.length() - 3);
  }

  /** The type's simple name as a format name: {@code [a-zA-Z0-9_-]}, at most 64 characters. */
  static String name(Class<?> type) {
    String name = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
    if (name.isEmpty()) name = "output";
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
