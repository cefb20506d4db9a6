package dev.openrouter4j.agent;

import java.util.List;
import java.util.function.Predicate;

record NamedStopCondition(String description, Predicate<List<Step>> test) implements StopCondition {
  @Override
  public boolean shouldStop(List<Step> steps) {
    return test.test(steps);
  }

  @Override
  public String toString() {
    return description;
  }
}
