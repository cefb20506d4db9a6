package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.account.GenerationContent;
import dev.openrouter4j.api.account.GenerationFeedback;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code generations}: a generation's record ({@code GET /generation?id=}), its stored prompt and
 * output ({@code GET /generation/content?id=}) and feedback on it ({@code POST /generation/feedback}).
 * The id is a result's {@code id} ({@code gen-…}).
 */
public final class GenerationsService {
  private static final JavaType GENERATION = Calls.data(Generation.class);
  private static final JavaType CONTENT = Calls.data(GenerationContent.class);
  private static final JavaType FEEDBACK = Calls.data(GenerationFeedback.Result.class);

  private final Calls calls;

  GenerationsService(Calls calls) {
    this.calls = calls;
  }

  /** Cost, tokens, timings and provider of a generation. */
  public Generation get(String id) {
    return get(id, RequestOptions.none());
  }

  public Generation get(String id, RequestOptions options) {
    return calls.data("GET", "generation", Map.of("id", Calls.required("id", id)), null, GENERATION, options);
  }

  public CompletableFuture<Generation> getAsync(String id) {
    return getAsync(id, RequestOptions.none());
  }

  public CompletableFuture<Generation> getAsync(String id, RequestOptions options) {
    return calls.async(() -> get(id, options));
  }

  /** The generation's input and output, if the account stores them. */
  public GenerationContent content(String id) {
    return content(id, RequestOptions.none());
  }

  public GenerationContent content(String id, RequestOptions options) {
    return calls.data("GET", "generation/content", Map.of("id", Calls.required("id", id)), null, CONTENT, options);
  }

  public CompletableFuture<GenerationContent> contentAsync(String id) {
    return contentAsync(id, RequestOptions.none());
  }

  public CompletableFuture<GenerationContent> contentAsync(String id, RequestOptions options) {
    return calls.async(() -> content(id, options));
  }

  /** Reports a problem with a generation; true when it was recorded. */
  public boolean feedback(GenerationFeedback feedback) {
    return feedback(feedback, RequestOptions.none());
  }

  public boolean feedback(GenerationFeedback feedback, RequestOptions options) {
    calls.require("generation_id", feedback.generationId());
    calls.require("category", feedback.category());
    return calls.<GenerationFeedback.Result, Boolean>data(
        "POST", "generation/feedback", Map.of(), feedback, FEEDBACK, options, "data.success", GenerationFeedback.Result::success);
  }

  public CompletableFuture<Boolean> feedbackAsync(GenerationFeedback feedback) {
    return feedbackAsync(feedback, RequestOptions.none());
  }

  public CompletableFuture<Boolean> feedbackAsync(GenerationFeedback feedback, RequestOptions options) {
    return calls.async(() -> feedback(feedback, options));
  }
}
