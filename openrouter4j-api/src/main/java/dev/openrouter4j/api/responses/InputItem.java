package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code input[]}: one item of the conversation sent to {@code POST /responses}, told apart by
 * {@code type}. Item types this version does not model (custom_tool_call_output, apply_patch_call,
 * shell calls, every echoed openrouter:* server-tool item, ...) read and write as {@link Unknown}.
 *
 * <p>Output items are a separate hierarchy rather than records implementing both interfaces: the
 * input side takes string-or-parts message content and input-only part types, and the two sealed
 * unions each need their own {@code Unknown}. {@link #from(OutputItem)} copies an output item field
 * by field into its input twin, so a previous turn is re-sent as {@code
 * response.output().stream().map(InputItem::from)}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = InputItem.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputMessage.class, name = "message"),
  @JsonSubTypes.Type(value = InputItem.FunctionCall.class, name = "function_call"),
  @JsonSubTypes.Type(value = InputItem.FunctionCallOutput.class, name = "function_call_output"),
  @JsonSubTypes.Type(value = InputItem.Reasoning.class, name = "reasoning"),
  @JsonSubTypes.Type(value = InputItem.ItemReference.class, name = "item_reference"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface InputItem
    permits InputMessage,
        InputItem.FunctionCall,
        InputItem.FunctionCallOutput,
        InputItem.Reasoning,
        InputItem.ItemReference,
        InputItem.Unknown {
  @JsonProperty("type")
  String type();

  static InputMessage user(String text) {
    return InputMessage.of(InputMessage.USER, text);
  }

  static InputMessage user(InputContent... parts) {
    return InputMessage.of(InputMessage.USER, List.of(parts));
  }

  static InputMessage system(String text) {
    return InputMessage.of(InputMessage.SYSTEM, text);
  }

  static InputMessage developer(String text) {
    return InputMessage.of(InputMessage.DEVELOPER, text);
  }

  static InputMessage assistant(String text) {
    return InputMessage.of(InputMessage.ASSISTANT, text);
  }

  /** The result of a function call, as the string the model will read (often JSON). */
  static FunctionCallOutput functionCallOutput(String callId, String output) {
    return new FunctionCallOutput(callId, MessageContent.of(output), null, null, null);
  }

  /** The result of a function call as content parts (text, images, files). */
  static FunctionCallOutput functionCallOutput(String callId, List<InputContent> output) {
    return new FunctionCallOutput(callId, MessageContent.of(output), null, null, null);
  }

  static ItemReference reference(String id) {
    return new ItemReference(id, null);
  }

  /**
   * The input item that sends {@code item} back to the model: messages keep id, status, phase and
   * their output_text/refusal parts; function calls and reasoning (with its encrypted content and
   * signature) are copied field by field; anything else becomes an {@link Unknown} with the item's
   * type and every field, since the server accepts every output item type as input.
   */
  static InputItem from(OutputItem item) {
    if (item instanceof OutputItem.Message m) {
      List<InputContent> parts = new ArrayList<>();
      if (m.content() != null) {
        for (OutputContent part : m.content()) {
          parts.add(fromOutputContent(part));
        }
      }
      return new InputMessage(m.role(), MessageContent.of(parts), m.id(), m.status(), m.phase(), m.extra());
    }
    if (item instanceof OutputItem.FunctionCall f) {
      return new FunctionCall(f.callId(), f.name(), f.arguments(), f.id(), f.status(), f.extra());
    }
    if (item instanceof OutputItem.Reasoning r) {
      return new Reasoning(
          r.id(), r.summary(), r.content(), r.encryptedContent(), r.signature(), r.format(), r.status(), r.extra());
    }
    if (item instanceof OutputItem.Unknown u) {
      return new Unknown(u.type(), u.fields());
    }
    return new Unknown(item.type(), fieldsOf(item));
  }

  /** {@link #from(OutputItem)} for every item of a response's output, in order. */
  static List<InputItem> from(List<OutputItem> items) {
    List<InputItem> out = new ArrayList<>(items.size());
    for (OutputItem item : items) out.add(from(item));
    return out;
  }

  private static InputContent fromOutputContent(OutputContent part) {
    if (part instanceof OutputContent.OutputText t) {
      return new InputContent.OutputText(t.text(), t.annotations(), t.logprobs(), t.extra());
    }
    if (part instanceof OutputContent.Refusal r) {
      return new InputContent.Refusal(r.refusal(), r.extra());
    }
    return new InputContent.Unknown(part.type(), fieldsOf(part));
  }

  /** Every wire field of a record but its type. */
  private static Map<String, Object> fieldsOf(Object value) {
    Map<String, Object> fields =
        Json.mapper().convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
    fields.remove("type");
    return fields;
  }

  /** A function call the model made, sent back before its output. {@code arguments} is a JSON string. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FunctionCall(
      String callId,
      String name,
      String arguments,
      String id,
      String status,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputItem {
    @Override public String type() { return "function_call"; }
  }

  /** What a function call returned: a string, or a list of input_text/input_image/input_file parts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FunctionCallOutput(
      String callId,
      MessageContent output,
      String id,
      String status,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputItem {
    @Override public String type() { return "function_call_output"; }
  }

  /** A reasoning item sent back so the provider can resume its chain of thought. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Reasoning(
      String id,
      List<ReasoningPart> summary,
      List<ReasoningPart> content,
      String encryptedContent,
      String signature,
      String format,
      String status,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputItem {
    @Override public String type() { return "reasoning"; }
  }

  /** A reference to an earlier item by id. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ItemReference(String id, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements InputItem {
    @Override public String type() { return "item_reference"; }
  }

  /** An item type this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements InputItem {}
}
