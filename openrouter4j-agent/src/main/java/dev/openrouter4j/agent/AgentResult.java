package dev.openrouter4j.agent;

import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.ResponsesUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run of the tool loop ended: the final text, the items it added to the conversation, every
 * step, the usage summed over the steps, and why it stopped. A run that waits for approval {@link
 * #paused() paused}; pass this result to {@link Agent#resume} to go on.
 */
public final class AgentResult {
  /** Why the loop stopped. */
  public enum StopReason {
    /** The model answered without calling a tool. */
    FINISHED,
    /** A stop condition fired after a step; {@link #stoppedBy()} says which. */
    STOP_CONDITION,
    /** Tool calls wait for the caller's approval: {@link #pendingApprovals()}. */
    AWAITING_APPROVAL
  }

  private final List<InputItem> input;
  private final List<InputItem> newItems;
  private final List<Step> steps;
  private final StopReason stopReason;
  private final StopCondition stoppedBy;
  private final List<OutputItem.FunctionCall> pendingApprovals;
  private final ResponsesUsage usage;

  AgentResult(
      List<InputItem> input,
      List<InputItem> newItems,
      List<Step> steps,
      StopReason stopReason,
      StopCondition stoppedBy,
      List<OutputItem.FunctionCall> pendingApprovals) {
    this.input = List.copyOf(input);
    this.newItems = List.copyOf(newItems);
    this.steps = List.copyOf(steps);
    this.stopReason = stopReason;
    this.stoppedBy = stoppedBy;
    this.pendingApprovals = List.copyOf(pendingApprovals);
    this.usage = Usages.sum(this.steps);
  }

  /** The last step's output text: the answer, when the loop {@link StopReason#FINISHED finished}. */
  public String text() {
    return steps.isEmpty() ? "" : steps.get(steps.size() - 1).text();
  }

  /**
   * Every item the run added, in order: each step's output (reasoning, messages, function calls) and
   * the function call outputs. On a paused run, the pending step's outputs are not in yet.
   */
  public List<InputItem> newItems() {
    return newItems;
  }

  /** The run's input followed by {@link #newItems()}: send it, plus a new user message, to go on talking. */
  public List<InputItem> conversation() {
    List<InputItem> all = new ArrayList<>(input.size() + newItems.size());
    all.addAll(input);
    all.addAll(newItems);
    return List.copyOf(all);
  }

  /** The run's input, as given to {@link Agent#run}. */
  public List<InputItem> input() {
    return input;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Tokens (with cached and reasoning parts) and cost summed over every step; cost null when no step reported one. */
  public ResponsesUsage usage() {
    return usage;
  }

  public StopReason stopReason() {
    return stopReason;
  }

  /** The condition that stopped the loop, or null when it did not stop on a condition. */
  public StopCondition stoppedBy() {
    return stoppedBy;
  }

  /** The calls waiting for approval, in call order; empty unless {@link #paused()}. */
  public List<OutputItem.FunctionCall> pendingApprovals() {
    return pendingApprovals;
  }

  public boolean paused() {
    return stopReason == StopReason.AWAITING_APPROVAL;
  }

  @Override
  public String toString() {
    return "AgentResult[" + stopReason + (stoppedBy != null ? " by " + stoppedBy : "") + ", " + steps.size()
        + " steps, " + pendingApprovals.size() + " pending]";
  }
}
