package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds the chunks of a streaming chat reply into the {@link ChatResult} a non-streaming call would
 * have returned. Feed it every {@link ChatStreamChunk} in order, then call {@link #result()}. Pure
 * logic, no I/O; not thread-safe.
 *
 * <p>Per choice {@code index} (several choices interleave when {@code n > 1}): {@code content},
 * {@code reasoning} and {@code refusal} fragments are concatenated (each stays null if no fragment
 * was non-null); tool calls are assembled by their {@code index}, taking {@code id}, {@code type} and
 * {@code function.name} from the first fragment that has them and concatenating {@code arguments};
 * {@code finish_reason} is the last non-null one seen (providers repeat the finish chunk, and
 * OpenRouter's usage chunk may carry a null one after it). Consecutive {@code reasoning.text} (or
 * {@code reasoning.summary}) details with the same {@code index} are merged into one, text and
 * signature concatenated, because the signature is only valid for the whole text when sent back.
 * {@code usage} comes from the (last) chunk that carries one, usually a chunk with {@code choices:
 * []}; a mid-stream {@code error} is kept and available from {@link #error()}.
 */
public final class ChatAccumulator implements Consumer<ChatStreamChunk> {
  private String id;
  private Long created;
  private String model;
  private String provider;
  private String systemFingerprint;
  private String serviceTier;
  private ChatUsage usage;
  private JsonNode openrouterMetadata;
  private StreamError error;
  private int chunkCount;
  private final TreeMap<Integer, ChoiceState> choices = new TreeMap<>();

  /** Accumulates all {@code chunks} and returns the result. */
  public static ChatResult accumulate(Iterable<ChatStreamChunk> chunks) {
    ChatAccumulator acc = new ChatAccumulator();
    chunks.forEach(acc);
    return acc.result();
  }

  @Override
  public void accept(ChatStreamChunk chunk) {
    Objects.requireNonNull(chunk, "chunk");
    chunkCount++;
    id = firstNonNull(id, chunk.id());
    created = firstNonNull(created, chunk.created());
    model = firstNonNull(model, chunk.model());
    provider = firstNonNull(provider, chunk.provider());
    systemFingerprint = firstNonNull(systemFingerprint, chunk.systemFingerprint());
    serviceTier = firstNonNull(serviceTier, chunk.serviceTier());
    if (chunk.openrouterMetadata() != null && !chunk.openrouterMetadata().isNull()) {
      openrouterMetadata = chunk.openrouterMetadata();
    }
    if (chunk.usage() != null) {
      usage = chunk.usage();
    }
    if (chunk.error() != null) {
      error = chunk.error();
    }
    if (chunk.choices() != null) {
      for (ChatStreamChoice choice : chunk.choices()) {
        if (choice != null) {
          int index = choice.index() == null ? 0 : choice.index();
          choices.computeIfAbsent(index, i -> new ChoiceState()).add(choice);
        }
      }
    }
  }

  /** The mid-stream error, if a chunk carried one. */
  public StreamError error() {
    return error;
  }

  /** The usage seen so far (null until the usage chunk arrives). */
  public ChatUsage usage() {
    return usage;
  }

  /** How many chunks were fed in. */
  public int chunkCount() {
    return chunkCount;
  }

  /** The result assembled from the chunks seen so far; may be called more than once. */
  public ChatResult result() {
    List<ChatChoice> out = new ArrayList<>(choices.size());
    choices.forEach((index, state) -> out.add(state.toChoice(index)));
    return new ChatResult(
        id, ChatResult.OBJECT, created, model, systemFingerprint, List.copyOf(out), usage, serviceTier,
        provider, openrouterMetadata, null);
  }

  private static <T> T firstNonNull(T current, T next) {
    return current != null ? current : next;
  }

  private static String concat(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    return a + b;
  }

  /** What one choice has accumulated. */
  private static final class ChoiceState {
    private StringBuilder content;
    private StringBuilder reasoning;
    private StringBuilder refusal;
    private final TreeMap<Integer, ToolCallState> toolCalls = new TreeMap<>();
    private final Map<String, Integer> toolCallIndexById = new HashMap<>();
    private Integer lastToolCallIndex;
    private final List<ReasoningDetail> details = new ArrayList<>();
    private String finishReason;
    private String nativeFinishReason;
    private List<TokenLogprob> logprobContent;
    private List<TokenLogprob> logprobRefusal;
    private boolean sawLogprobs;
    private String audioId;
    private Long audioExpiresAt;
    private StringBuilder audioData;
    private StringBuilder audioTranscript;
    private boolean sawAudio;
    private List<AssistantImage> images;
    private Map<String, Object> extra;

    void add(ChatStreamChoice choice) {
      if (choice.finishReason() != null) finishReason = choice.finishReason();
      if (choice.nativeFinishReason() != null) nativeFinishReason = choice.nativeFinishReason();
      addLogprobs(choice.logprobs());
      ChatDelta delta = choice.delta();
      if (delta == null) {
        return;
      }
      content = append(content, delta.content());
      reasoning = append(reasoning, delta.reasoning());
      refusal = append(refusal, delta.refusal());
      if (delta.toolCalls() != null) {
        for (ToolCallDelta tc : delta.toolCalls()) {
          if (tc != null) addToolCall(tc);
        }
      }
      if (delta.reasoningDetails() != null) {
        for (ReasoningDetail d : delta.reasoningDetails()) {
          if (d != null) addDetail(d);
        }
      }
      addAudio(delta.audio());
      if (delta.images() != null && !delta.images().isEmpty()) {
        if (images == null) images = new ArrayList<>();
        images.addAll(delta.images());
      }
      addExtra(delta.extra());
    }

    private static StringBuilder append(StringBuilder sb, String fragment) {
      if (fragment == null) return sb;
      if (sb == null) sb = new StringBuilder();
      return sb.append(fragment);
    }

    private void addToolCall(ToolCallDelta tc) {
      int index;
      if (tc.index() != null) {
        index = tc.index();
      } else if (tc.id() != null && toolCallIndexById.containsKey(tc.id())) {
        index = toolCallIndexById.get(tc.id());
      } else if (tc.id() != null || lastToolCallIndex == null) {
        // No index: a new id starts a new call, anything else continues the last one.
        index = toolCalls.isEmpty() ? 0 : toolCalls.lastKey() + 1;
      } else {
        index = lastToolCallIndex;
      }
      lastToolCallIndex = index;
      ToolCallState state = toolCalls.computeIfAbsent(index, i -> new ToolCallState());
      if (state.id == null && tc.id() != null && !tc.id().isEmpty()) {
        state.id = tc.id();
        toolCallIndexById.put(tc.id(), index);
      }
      if (state.type == null) state.type = tc.type();
      if (tc.function() != null) {
        if (state.name == null && tc.function().name() != null && !tc.function().name().isEmpty()) {
          state.name = tc.function().name();
        }
        if (tc.function().arguments() != null) state.arguments.append(tc.function().arguments());
      }
    }

    private void addDetail(ReasoningDetail next) {
      int last = details.size() - 1;
      ReasoningDetail prev = last >= 0 ? details.get(last) : null;
      if (prev instanceof ReasoningDetail.Text a
          && next instanceof ReasoningDetail.Text b
          && sameBlock(a, b)
          && (a.signature() == null || a.signature().isEmpty())) {
        details.set(last, new ReasoningDetail.Text(
            firstNonNull(a.id(), b.id()), firstNonNull(a.format(), b.format()), a.index(),
            concat(a.text(), b.text()), concat(a.signature(), b.signature())));
      } else if (prev instanceof ReasoningDetail.Summary a
          && next instanceof ReasoningDetail.Summary b
          && sameBlock(a, b)) {
        details.set(last, new ReasoningDetail.Summary(
            firstNonNull(a.id(), b.id()), firstNonNull(a.format(), b.format()), a.index(),
            concat(a.summary(), b.summary())));
      } else {
        details.add(next);
      }
    }

    private static boolean sameBlock(ReasoningDetail a, ReasoningDetail b) {
      return Objects.equals(a.index(), b.index())
          && (a.id() == null || b.id() == null || a.id().equals(b.id()));
    }

    private void addLogprobs(ChoiceLogprobs lp) {
      if (lp == null) return;
      sawLogprobs = true;
      if (lp.content() != null) {
        if (logprobContent == null) logprobContent = new ArrayList<>();
        logprobContent.addAll(lp.content());
      }
      if (lp.refusal() != null) {
        if (logprobRefusal == null) logprobRefusal = new ArrayList<>();
        logprobRefusal.addAll(lp.refusal());
      }
    }

    private void addAudio(AudioOutput audio) {
      if (audio == null) return;
      sawAudio = true;
      audioId = firstNonNull(audioId, audio.id());
      if (audio.expiresAt() != null) audioExpiresAt = audio.expiresAt();
      audioData = append(audioData, audio.data());
      audioTranscript = append(audioTranscript, audio.transcript());
    }

    // Unmodelled delta fields (e.g. annotations): lists are appended, anything else replaces.
    @SuppressWarnings("unchecked")
    private void addExtra(Map<String, Object> deltaExtra) {
      if (deltaExtra == null || deltaExtra.isEmpty()) return;
      if (extra == null) extra = new LinkedHashMap<>();
      deltaExtra.forEach((key, value) -> {
        if (value == null) return;
        Object prev = extra.get(key);
        if (value instanceof List<?> list && prev instanceof List<?> prevList) {
          List<Object> merged = new ArrayList<>((List<Object>) prevList);
          merged.addAll(list);
          extra.put(key, merged);
        } else {
          extra.put(key, value);
        }
      });
    }

    ChatChoice toChoice(int index) {
      List<ToolCall> calls = null;
      if (!toolCalls.isEmpty()) {
        calls = new ArrayList<>(toolCalls.size());
        for (ToolCallState s : toolCalls.values()) {
          calls.add(new ToolCall(
              s.id, s.type == null ? "function" : s.type, new ToolCall.FunctionCall(s.name, s.arguments.toString())));
        }
        calls = List.copyOf(calls);
      }
      AssistantMessage message = new AssistantMessage(
          content == null ? null : MessageContent.of(content.toString()),
          null,
          calls,
          refusal == null ? null : refusal.toString(),
          reasoning == null ? null : reasoning.toString(),
          details.isEmpty() ? null : List.copyOf(details),
          images == null ? null : List.copyOf(images),
          sawAudio
              ? new AudioOutput(audioId, str(audioData), audioExpiresAt, str(audioTranscript))
              : null,
          null,
          extra == null ? null : new LinkedHashMap<>(extra));
      ChoiceLogprobs logprobs = sawLogprobs
          ? new ChoiceLogprobs(
              logprobContent == null ? null : List.copyOf(logprobContent),
              logprobRefusal == null ? null : List.copyOf(logprobRefusal))
          : null;
      return new ChatChoice(index, finishReason, nativeFinishReason, message, logprobs, null);
    }

    private static String str(StringBuilder sb) {
      return sb == null ? null : sb.toString();
    }
  }

  private static final class ToolCallState {
    private String id;
    private String type;
    private String name;
    private final StringBuilder arguments = new StringBuilder();
  }
}
