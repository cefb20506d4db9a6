package dev.openrouter4j.agent;

import dev.openrouter4j.api.responses.ResponsesUsage;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When the tool loop stops early, checked after every step that ran tools; any condition that
 * fires stops the loop after that step. The factories mirror the TypeScript SDK's {@code callModel}
 * (and OpenRouter's server-side {@code stop_server_tools_when}); a lambda over the steps so far is a
 * condition too.
 */
@FunctionalInterface
public interface StopCondition {
  /** Whether to stop, given every step so far (the last is the one just finished). */
  boolean shouldStop(List<Step> steps);

  /** After {@code n} steps (model calls): the default is {@code stepCountIs(5)}. */
  static StopCondition stepCountIs(int n) {
    if (n < 1) throw new IllegalArgumentException("n < 1: " + n);
    return named("stepCountIs(" + n + ")", steps -> steps.size() >= n);
  }

  /** When the last step called the tool {@code name} (after running it). */
  static StopCondition hasToolCall(String name) {
    Objects.requireNonNull(name, "name == null");
    return named(
        "hasToolCall(" + name + ")",
        steps -> !steps.isEmpty() && steps.get(steps.size() - 1).toolCalls().stream().anyMatch(c -> name.equals(c.name())));
  }

  /** When the steps together used at least {@code tokens} tokens, input and output. */
  static StopCondition maxTokensUsed(long tokens) {
    return named("maxTokensUsed(" + tokens + ")", steps -> {
      ResponsesUsage u = Usages.sum(steps);
      return u.totalTokens() != null && u.totalTokens() >= tokens;
    });
  }

  /** When the steps together cost at least {@code usd} dollars (OpenRouter's {@code usage.cost}). */
  static StopCondition maxCost(double usd) {
    return named("maxCost(" + usd + ")", steps -> {
      ResponsesUsage u = Usages.sum(steps);
      return u.cost() != null && u.cost() >= usd;
    });
  }

  /** When the last step's {@link Step#finishReason()} is {@code reason}. */
  static StopCondition finishReasonIs(String reason) {
    Objects.requireNonNull(reason, "reason == null");
    return named(
        "finishReasonIs(" + reason + ")",
        steps -> !steps.isEmpty() && reason.equals(steps.get(steps.size() - 1).finishReason()));
  }

  /** A condition that prints as {@code description} (in {@link AgentResult#stoppedBy()}). */
  static StopCondition named(String description, Predicate<List<Step>> test) {
    return new NamedStopCondition(Objects.requireNonNull(description, "description == null"), Objects.requireNonNull(test, "test == null"));
  }
}
