package dev.openrouter4j.gateway.responses;

import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import dev.openrouter4j.api.chat.ContentPart;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.api.responses.InputContent;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.InputMessage;
import dev.openrouter4j.api.responses.MessageContent;
import dev.openrouter4j.api.responses.ReasoningPart;
import dev.openrouter4j.gateway.http.ApiError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code input[]} items to chat messages. Messages keep their role; function calls, reasoning and
 * assistant messages of one turn become one assistant message (reasoning first, as {@code
 * reasoning_details} with their signatures and encrypted content kept, then content, then {@code
 * tool_calls}); each function call output is a tool message. A turn ends at the next item of any
 * other kind, or when a reasoning item or an assistant message would follow content or a tool call.
 */
final class ResponsesMessages {
  private final List<ChatMessage> out = new ArrayList<>();
  private Turn turn;

  private ResponsesMessages() {}

  static List<ChatMessage> toMessages(List<InputItem> items) {
    ResponsesMessages m = new ResponsesMessages();
    for (int i = 0; i < items.size(); i++) m.add(items.get(i), "input[" + i + "]");
    m.flush();
    return m.out;
  }

  /** The assistant message being assembled from consecutive assistant-side items. */
  private static final class Turn {
    final List<ReasoningDetail> reasoning = new ArrayList<>();
    final List<ToolCall> calls = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final StringBuilder refusal = new StringBuilder();
    boolean hasContent;

    boolean spoken() {
      return hasContent || !calls.isEmpty();
    }

    AssistantMessage build() {
      return AssistantMessage.builder()
          .content(hasContent && (!text.isEmpty() || refusal.isEmpty()) ? text.toString() : null)
          .refusal(refusal.isEmpty() ? null : refusal.toString())
          .toolCalls(calls.isEmpty() ? null : calls)
          .reasoningDetails(reasoning.isEmpty() ? null : reasoning)
          .build();
    }
  }

  private void add(InputItem item, String field) {
    switch (item) {
      case InputMessage m -> message(m, field);
      case InputItem.FunctionCall c -> {
        if (c.callId() == null || c.callId().isEmpty()) throw ApiError.invalidField(field + ".call_id", "is required");
        if (c.name() == null || c.name().isEmpty()) throw ApiError.invalidField(field + ".name", "is required");
        turn().calls.add(ToolCall.function(c.callId(), c.name(), c.arguments() == null || c.arguments().isEmpty() ? "{}" : c.arguments()));
      }
      case InputItem.FunctionCallOutput o -> {
        if (o.callId() == null || o.callId().isEmpty()) throw ApiError.invalidField(field + ".call_id", "is required");
        if (o.output() == null) throw ApiError.invalidField(field + ".output", "is required");
        flush();
        out.add(new ChatMessage.ToolMessage(content(o.output(), field + ".output"), o.callId()));
      }
      case InputItem.Reasoning r -> reasoning(r);
      case InputItem.ItemReference ref ->
          throw ResponsesTranslator.unsupported(field, field + ": item_reference needs stored items, which this gateway does not keep yet; send the item itself");
      case InputItem.Unknown u -> throw ApiError.invalidField(field + ".type", "unsupported input item type '" + u.type() + "'");
    }
  }

  private void message(InputMessage m, String field) {
    String role = m.role();
    if (role == null) throw ApiError.invalidField(field + ".role", "is required");
    switch (role) {
      case InputMessage.USER -> {
        flush();
        out.add(new ChatMessage.UserMessage(m.content() == null ? dev.openrouter4j.api.chat.MessageContent.of("") : content(m.content(), field + ".content"), null));
      }
      case InputMessage.SYSTEM -> {
        flush();
        out.add(new ChatMessage.SystemMessage(text(m.content(), field + ".content"), null));
      }
      case InputMessage.DEVELOPER -> {
        flush();
        out.add(new ChatMessage.DeveloperMessage(text(m.content(), field + ".content"), null));
      }
      case InputMessage.ASSISTANT -> assistant(m, field);
      default -> throw ApiError.invalidField(field + ".role", "unknown role '" + role + "'; expected user, system, developer or assistant");
    }
  }

  private void assistant(InputMessage m, String field) {
    if (turn != null && turn.spoken()) flush();
    Turn t = turn();
    t.hasContent = true;
    MessageContent c = m.content();
    if (c == null) return;
    if (c.text() != null) {
      t.text.append(c.text());
      return;
    }
    for (int j = 0; j < c.parts().size(); j++) {
      switch (c.parts().get(j)) {
        case InputContent.OutputText o -> t.text.append(o.text() == null ? "" : o.text());
        case InputContent.InputText i -> t.text.append(i.text() == null ? "" : i.text());
        case InputContent.Refusal r -> t.refusal.append(r.refusal() == null ? "" : r.refusal());
        default -> throw ApiError.invalidField(field + ".content[" + j + "].type", "an assistant message holds output_text and refusal parts only");
      }
    }
  }

  /** A reasoning item as {@code reasoning_details}: summaries, text (the signature on the last), encrypted content. */
  private void reasoning(InputItem.Reasoning r) {
    if (turn != null && turn.spoken()) flush();
    List<ReasoningDetail> details = turn().reasoning;
    if (r.summary() != null) {
      for (ReasoningPart p : r.summary()) details.add(new ReasoningDetail.Summary(r.id(), r.format(), details.size(), p.text()));
    }
    List<ReasoningPart> content = r.content() == null ? List.of() : r.content();
    for (int i = 0; i < content.size(); i++) {
      String signature = i == content.size() - 1 ? r.signature() : null;
      details.add(new ReasoningDetail.Text(r.id(), r.format(), details.size(), content.get(i).text(), signature));
    }
    if (content.isEmpty() && r.signature() != null) details.add(new ReasoningDetail.Text(r.id(), r.format(), details.size(), "", r.signature()));
    if (r.encryptedContent() != null) details.add(new ReasoningDetail.Encrypted(r.id(), r.format(), details.size(), r.encryptedContent()));
  }

  private Turn turn() {
    if (turn == null) turn = new Turn();
    return turn;
  }

  private void flush() {
    if (turn != null) out.add(turn.build());
    turn = null;
  }

  /** User and tool content: text, images, files, audio, video. */
  static dev.openrouter4j.api.chat.MessageContent content(MessageContent c, String field) {
    if (c.text() != null) return dev.openrouter4j.api.chat.MessageContent.of(c.text());
    List<ContentPart> parts = new ArrayList<>();
    for (int j = 0; j < c.parts().size(); j++) parts.add(part(c.parts().get(j), field + "[" + j + "]"));
    return dev.openrouter4j.api.chat.MessageContent.of(parts);
  }

  private static ContentPart part(InputContent part, String field) {
    return switch (part) {
      case InputContent.InputText t -> ContentPart.text(t.text());
      case InputContent.OutputText t -> ContentPart.text(t.text());
      case InputContent.InputImage i -> {
        if (i.imageUrl() == null) {
          throw ApiError.invalidField(field + ".image_url", i.fileId() != null
              ? "images by file_id need the files API, which this gateway does not have; send image_url (a URL or a data URL)"
              : "is required");
        }
        yield ContentPart.imageUrl(i.imageUrl(), i.detail());
      }
      case InputContent.InputFile f -> {
        String data = f.fileData() != null ? f.fileData() : f.fileUrl();
        if (data == null && f.fileId() == null) throw ApiError.invalidField(field, "needs file_data, file_url or file_id");
        yield new ContentPart.FilePart(new ContentPart.FileData(data, f.fileId(), f.filename()));
      }
      case InputContent.InputAudio a -> {
        if (a.inputAudio() == null) throw ApiError.invalidField(field + ".input_audio", "is required");
        yield ContentPart.inputAudio(a.inputAudio().data(), a.inputAudio().format());
      }
      case InputContent.InputVideo v -> ContentPart.videoUrl(v.videoUrl());
      case InputContent.Refusal r -> throw ApiError.invalidField(field + ".type", "a refusal part belongs in an assistant message");
      case InputContent.Unknown u -> throw ApiError.invalidField(field + ".type", "unsupported content part type '" + u.type() + "'");
    };
  }

  /** System and developer content: text only, kept as one string or as text parts. */
  private static dev.openrouter4j.api.chat.MessageContent text(MessageContent c, String field) {
    if (c == null) return dev.openrouter4j.api.chat.MessageContent.of("");
    if (c.text() != null) return dev.openrouter4j.api.chat.MessageContent.of(c.text());
    List<ContentPart> parts = new ArrayList<>();
    for (int j = 0; j < c.parts().size(); j++) {
      if (c.parts().get(j) instanceof InputContent.InputText t) parts.add(ContentPart.text(t.text()));
      else throw ApiError.invalidField(field + "[" + j + "].type", "system and developer messages hold input_text parts only");
    }
    return dev.openrouter4j.api.chat.MessageContent.of(parts);
  }
}
