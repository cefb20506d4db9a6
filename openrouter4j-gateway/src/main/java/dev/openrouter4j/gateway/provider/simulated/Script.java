package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.gateway.event.LlmEvent;
import java.util.List;

/**
 * A simulated answer, planned up front: the events in order, each marked whether it is a token
 * (paced by the profile's tokens per second and counted by faults) or bookkeeping sent at once.
 */
record Script(List<Step> steps) {
  record Step(LlmEvent event, boolean token) {}

  Script {
    steps = List.copyOf(steps);
  }

  long tokenCount() {
    return steps.stream().filter(Step::token).count();
  }

  /**
   * Where a fault "after {@code tokens} tokens" strikes: the step index just after that many tokens,
   * or before the first token for 0. Counts past the end strike after the last token, so a fault
   * always fires and a scenario never silently passes because the answer was short.
   */
  int indexAfterTokens(int tokens) {
    int seen = 0;
    int lastTokenEnd = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).token()) continue;
      if (seen == tokens) return i;
      seen++;
      lastTokenEnd = i + 1;
    }
    // fewer tokens than asked: after the last one; no tokens at all: right after Start
    return lastTokenEnd >= 0 ? lastTokenEnd : Math.min(1, steps.size());
  }
}
