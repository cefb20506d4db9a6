package dev.openrouter4j.agent;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RequestOptions;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseAccumulator;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A client-side tool loop over the Responses API, like the TypeScript SDK's {@code callModel}:
 * model, tool calls, tool outputs, model, ... until the model answers without calling a tool or a
 * {@link StopCondition} fires (default {@code stepCountIs(5)}).
 *
 * <pre>{@code
 * Agent agent = Agent.builder(openRouter).model("openai/gpt-4o-mini").tools(weather, clock).build();
 * AgentResult result = agent.run("What's the weather in Lisbon?");
 * }</pre>
 *
 * <p>Each step sends the whole conversation (the API keeps no state): the input, then every earlier
 * step's output items and function call outputs. The calls of one step run in parallel, their
 * outputs appended in call order. A tool that {@linkplain Tool#requiringApproval() needs approval}
 * pauses the loop: {@link AgentResult#pendingApprovals()} lists the calls, {@link #resume} goes on.
 * Without a listener a step is one buffered call; with one, a stream whose events the listener hears
 * as they arrive. Errors of the API are thrown as the SDK throws them; a tool never throws.
 *
 * <p>Immutable and thread-safe: one agent serves any number of concurrent runs.
 */
public final class Agent {
  private final OpenRouter client;
  private final ResponsesRequest request;
  private final Map<String, Tool<?>> tools;
  private final List<StopCondition> stopConditions;
  private final ToolRunner runner;
  private final RequestOptions options;

  private Agent(Builder b) {
    this.client = b.client;
    this.tools = Map.copyOf(b.tools);
    this.stopConditions = b.stopConditions.isEmpty() ? List.of(StopCondition.stepCountIs(5)) : List.copyOf(b.stopConditions);
    this.runner = new ToolRunner(b.parallelism);
    this.options = b.options;
    List<ResponsesTool> definitions = new ArrayList<>();
    if (b.request.tools() != null) definitions.addAll(b.request.tools());
    for (Tool<?> tool : b.tools.values()) definitions.add(tool.definition());
    ResponsesRequest.Builder r = b.request.toBuilder().tools(definitions.isEmpty() ? null : definitions);
    if (b.model != null) r.model(b.model);
    if (b.instructions != null) r.instructions(b.instructions);
    this.request = r.build();
  }

  public static Builder builder(OpenRouter client) {
    return new Builder(client);
  }

  /** Runs the loop on one user message. */
  public AgentResult run(String userMessage) {
    return run(List.of(InputItem.user(userMessage)), AgentListener.NONE);
  }

  /** Runs the loop on a user message, streaming each step to {@code listener}. */
  public AgentResult run(String userMessage, AgentListener listener) {
    return run(List.of(InputItem.user(userMessage)), listener);
  }

  /** Runs the loop on a conversation (for instance an earlier result's {@code conversation()} plus a new message). */
  public AgentResult run(List<InputItem> input) {
    return run(input, AgentListener.NONE);
  }

  public AgentResult run(List<InputItem> input, AgentListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return loop(new Run(List.copyOf(input)), listener);
  }

  /**
   * Continues a {@linkplain AgentResult#paused() paused} run: the approved calls run, the denied
   * ones get an output that says so, and the loop goes on. {@code approvals} maps every pending
   * call id to true (run it) or false (deny it).
   */
  public AgentResult resume(AgentResult paused, Map<String, Boolean> approvals) {
    return resume(paused, approvals, AgentListener.NONE);
  }

  public AgentResult resume(AgentResult paused, Map<String, Boolean> approvals, AgentListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    if (!paused.paused()) throw new IllegalArgumentException("the run is not paused: " + paused.stopReason());
    List<String> missing = new ArrayList<>();
    for (OutputItem.FunctionCall call : paused.pendingApprovals()) {
      if (approvals.get(call.callId()) == null) missing.add(call.callId());
    }
    if (!missing.isEmpty()) throw new IllegalArgumentException("no approval decision for the calls " + missing);

    Run run = new Run(paused.input());
    run.newItems.addAll(paused.newItems());
    run.steps.addAll(paused.steps());
    Step pending = run.steps.remove(run.steps.size() - 1);
    Map<String, ToolResult> done = new LinkedHashMap<>();
    for (ToolResult r : pending.toolResults()) done.put(r.callId(), r);

    List<OutputItem.FunctionCall> toRun = new ArrayList<>();
    List<Supplier<ToolResult>> work = new ArrayList<>();
    for (OutputItem.FunctionCall call : paused.pendingApprovals()) {
      if (approvals.get(call.callId())) {
        toRun.add(call);
        work.add(() -> execute(call));
      } else {
        ToolResult denied = new ToolResult(call.callId(), call.name(),
            TypedJson.error("denied: the user did not approve this call"), ToolResult.Status.DENIED, null);
        done.put(call.callId(), denied);
        listener.onToolResult(denied);
      }
    }
    List<ToolResult> ran = runner.run(work, listener);
    for (ToolResult r : ran) done.put(r.callId(), r);
    AgentResult stopped = finishStep(run, pending.response(), done, listener);
    return stopped != null ? stopped : loop(run, listener);
  }

  /** The conversation of one run so far. */
  private static final class Run {
    final List<InputItem> input;
    final List<InputItem> newItems = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();

    Run(List<InputItem> input) {
      this.input = input;
    }

    List<InputItem> conversation() {
      List<InputItem> all = new ArrayList<>(input);
      all.addAll(newItems);
      return all;
    }

    AgentResult result(AgentResult.StopReason reason, StopCondition by, List<OutputItem.FunctionCall> pending) {
      return new AgentResult(input, newItems, steps, reason, by, pending);
    }
  }

  private AgentResult loop(Run run, AgentListener listener) {
    while (true) {
      Response response = callModel(run.conversation(), listener);
      run.newItems.addAll(response.outputAsInput());
      List<OutputItem.FunctionCall> calls = response.functionCalls();
      if (calls.isEmpty()) {
        Step step = new Step(run.steps.size() + 1, response, List.of());
        run.steps.add(step);
        listener.onStepFinished(step);
        return run.result(AgentResult.StopReason.FINISHED, null, List.of());
      }
      List<OutputItem.FunctionCall> waiting = new ArrayList<>();
      List<Supplier<ToolResult>> work = new ArrayList<>();
      for (OutputItem.FunctionCall call : calls) {
        listener.onToolCall(call);
        Tool<?> tool = tools.get(call.name());
        if (tool != null && tool.needsApproval(call.arguments())) {
          waiting.add(call);
        } else {
          work.add(() -> execute(call));
        }
      }
      Map<String, ToolResult> done = new LinkedHashMap<>();
      for (ToolResult r : runner.run(work, listener)) done.put(r.callId(), r);
      if (!waiting.isEmpty()) {
        // the step stays open: its outputs join the conversation, in call order, on resume
        run.steps.add(new Step(run.steps.size() + 1, response, inCallOrder(calls, done)));
        return run.result(AgentResult.StopReason.AWAITING_APPROVAL, null, waiting);
      }
      AgentResult stopped = finishStep(run, response, done, listener);
      if (stopped != null) return stopped;
    }
  }

  /** Appends the step's outputs in call order and checks the stop conditions: a result when one fires. */
  private AgentResult finishStep(Run run, Response response, Map<String, ToolResult> done, AgentListener listener) {
    List<ToolResult> results = inCallOrder(response.functionCalls(), done);
    for (ToolResult r : results) run.newItems.add(InputItem.functionCallOutput(r.callId(), r.output()));
    Step step = new Step(run.steps.size() + 1, response, results);
    run.steps.add(step);
    listener.onStepFinished(step);
    for (StopCondition condition : stopConditions) {
      if (condition.shouldStop(run.steps)) return run.result(AgentResult.StopReason.STOP_CONDITION, condition, List.of());
    }
    return null;
  }

  private static List<ToolResult> inCallOrder(List<OutputItem.FunctionCall> calls, Map<String, ToolResult> done) {
    List<ToolResult> ordered = new ArrayList<>();
    for (OutputItem.FunctionCall call : calls) {
      ToolResult r = done.get(call.callId());
      if (r != null) ordered.add(r);
    }
    return ordered;
  }

  private ToolResult execute(OutputItem.FunctionCall call) {
    Tool<?> tool = tools.get(call.name());
    if (tool == null) {
      String message = "no tool named '" + call.name() + "'; the tools are " + tools.keySet().stream().sorted().toList();
      return new ToolResult(call.callId(), call.name(), TypedJson.error(message), ToolResult.Status.UNKNOWN_TOOL, null);
    }
    return tool.call(call.callId(), call.arguments());
  }

  private Response callModel(List<InputItem> conversation, AgentListener listener) {
    ResponsesRequest step = request.toBuilder().input(conversation).build();
    if (listener == AgentListener.NONE) return client.responses().send(step, options);
    ResponseAccumulator accumulator = new ResponseAccumulator();
    try (EventStream<StreamEvent> events = client.responses().stream(step, options)) {
      for (StreamEvent event : events) {
        accumulator.accept(event);
        listener.onEvent(event);
        if (event instanceof StreamEvent.OutputTextDelta delta && delta.delta() != null) listener.onTextDelta(delta.delta());
      }
    }
    return accumulator.response();
  }

  public static final class Builder {
    private final OpenRouter client;
    private String model;
    private String instructions;
    private ResponsesRequest request = ResponsesRequest.builder().build();
    private final Map<String, Tool<?>> tools = new LinkedHashMap<>();
    private final List<StopCondition> stopConditions = new ArrayList<>();
    private int parallelism = 8;
    private RequestOptions options = RequestOptions.none();

    private Builder(OpenRouter client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Sent as {@code instructions} with every step. */
    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    /**
     * Every other request setting (temperature, reasoning, provider, plugins, server tools, ...):
     * each step sends this request with the conversation as its input and the agent's tools added to its own.
     */
    public Builder request(ResponsesRequest request) {
      this.request = Objects.requireNonNull(request, "request == null");
      return this;
    }

    public Builder tools(Tool<?>... tools) {
      return tools(List.of(tools));
    }

    /** Adds tools; a name used twice is an error. */
    public Builder tools(List<? extends Tool<?>> tools) {
      for (Tool<?> tool : tools) {
        if (this.tools.putIfAbsent(tool.name(), tool) != null) {
          throw new IllegalArgumentException("two tools are named " + tool.name());
        }
      }
      return this;
    }

    /** The loop stops after a step when any of these fires; they replace the default {@code stepCountIs(5)}. */
    public Builder stopWhen(StopCondition... conditions) {
      stopConditions.addAll(List.of(conditions));
      return this;
    }

    /** How many tool calls of one step may run at once; 1 runs them in turn on the caller's thread. Default 8. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) throw new IllegalArgumentException("parallelism < 1: " + parallelism);
      this.parallelism = parallelism;
      return this;
    }

    /** Per-call options (timeout, retries, headers) for every model call. */
    public Builder requestOptions(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    public Agent build() {
      return new Agent(this);
    }
  }
}
