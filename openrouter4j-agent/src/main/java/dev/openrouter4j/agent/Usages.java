package dev.openrouter4j.agent;

import dev.openrouter4j.api.responses.ResponsesUsage;
import java.util.List;

/** Sums the usage of steps: tokens with their cached and reasoning parts, and cost. */
final class Usages {
  private Usages() {}

  static ResponsesUsage sum(List<Step> steps) {
    long input = 0, output = 0, total = 0, cached = 0, reasoning = 0;
    double cost = 0;
    boolean anyCost = false;
    for (Step step : steps) {
      ResponsesUsage u = step.usage();
      if (u == null) continue;
      int in = u.inputTokens() == null ? 0 : u.inputTokens();
      int out = u.outputTokens() == null ? 0 : u.outputTokens();
      input += in;
      output += out;
      total += u.totalTokens() == null ? in + out : u.totalTokens();
      if (u.inputTokensDetails() != null && u.inputTokensDetails().cachedTokens() != null) {
        cached += u.inputTokensDetails().cachedTokens();
      }
      if (u.outputTokensDetails() != null && u.outputTokensDetails().reasoningTokens() != null) {
        reasoning += u.outputTokensDetails().reasoningTokens();
      }
      if (u.cost() != null) {
        cost += u.cost();
        anyCost = true;
      }
    }
    return new ResponsesUsage(
        Math.toIntExact(input),
        Math.toIntExact(output),
        Math.toIntExact(total),
        new ResponsesUsage.InputTokensDetails(Math.toIntExact(cached), null, null),
        new ResponsesUsage.OutputTokensDetails(Math.toIntExact(reasoning), null),
        anyCost ? cost : null,
        null,
        null,
        null,
        null);
  }
}
