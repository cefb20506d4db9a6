package dev.openrouter4j.agent;

import static dev.openrouter4j.agent.Turns.call;
import static dev.openrouter4j.agent.Turns.json;
import static dev.openrouter4j.agent.Turns.message;
import static dev.openrouter4j.agent.Turns.response;
import static dev.openrouter4j.agent.Turns.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.agent.AgentResult.StopReason;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesUsage;
import dev.openrouter4j.api.responses.StreamEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolLoopTest extends LoopbackTest {
  record City(String city) {}

  record Weather(String city, int celsius) {}

  record Sum(int a, int b) {}

  record Note(String text) {}

  final List<String> ran = new CopyOnWriteArrayList<>();

  final Tool<City> weather =
      Tool.of("get_weather", "Current weather in a city", City.class, args -> {
        ran.add("get_weather " + args.city());
        return new Weather(args.city(), 21);
      });

  final Tool<Sum> add =
      Tool.of("add", "Adds two integers", Sum.class, args -> {
        ran.add("add " + args.a() + " " + args.b());
        return args.a() + args.b();
      });

  Agent.Builder agent() {
    return Agent.builder(client).model("openai/gpt-4o-mini").instructions("Be brief.").tools(weather, add);
  }

  @Test
  void aSingleToolCallRunsAndItsOutputGoesBackWithTheCall() throws Exception {
    server.enqueue(json(response(call("c1", "get_weather", "{\"city\":\"Lisbon\"}"))));
    server.enqueue(json(response(message("It is 21 °C in Lisbon."))));

    AgentResult result = agent().build().run("Weather in Lisbon?");

    assertEquals("It is 21 °C in Lisbon.", result.text());
    assertEquals(StopReason.FINISHED, result.stopReason());
    assertEquals(List.of("get_weather Lisbon"), ran);
    assertEquals(2, result.steps().size());
    assertEquals(List.of(new ToolResult("c1", "get_weather", "{\"city\":\"Lisbon\",\"celsius\":21}", ToolResult.Status.SUCCESS, null)),
        result.steps().get(0).toolResults());
    assertEquals(List.of("function_call", "function_call_output", "message"),
        result.newItems().stream().map(InputItem::type).toList());
    assertEquals(4, result.conversation().size());

    JsonNode first = nextRequest();
    assertEquals("openai/gpt-4o-mini", first.path("model").asText());
    assertEquals("Be brief.", first.path("instructions").asText());
    assertFalse(first.path("stream").asBoolean());
    assertEquals(List.of("message"), inputTypes(first));
    assertEquals("Weather in Lisbon?", first.path("input").get(0).path("content").asText());
    JsonNode tool = first.path("tools").get(0);
    assertEquals("function", tool.path("type").asText());
    assertEquals("get_weather", tool.path("name").asText());
    assertTrue(tool.path("strict").asBoolean());
    assertEquals(Turns.tree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
        + "\"required\":[\"city\"],\"additionalProperties\":false}"), tool.path("parameters"));
    assertEquals("add", first.path("tools").get(1).path("name").asText());

    JsonNode second = nextRequest();
    assertEquals(List.of("message", "function_call", "function_call_output"), inputTypes(second));
    JsonNode fc = second.path("input").get(1);
    assertEquals("c1", fc.path("call_id").asText());
    assertEquals("get_weather", fc.path("name").asText());
    assertEquals("{\"city\":\"Lisbon\"}", fc.path("arguments").asText());
    JsonNode out = second.path("input").get(2);
    assertEquals("c1", out.path("call_id").asText());
    assertEquals("{\"city\":\"Lisbon\",\"celsius\":21}", out.path("output").asText());
  }

  @Test
  void independentCallsOfOneStepRunInParallelAndTheirOutputsKeepCallOrder() throws Exception {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    Tool<City> slow = Tool.of("slow", "waits for the other call", City.class, args -> {
      bothRunning.await(5, TimeUnit.SECONDS); // only passes if the other call runs at the same time
      Thread.sleep(100); // and finishes after it
      return "slow " + args.city();
    });
    Tool<City> fast = Tool.of("fast", "waits for the other call", City.class, args -> {
      bothRunning.await(5, TimeUnit.SECONDS);
      return "fast " + args.city();
    });
    server.enqueue(Turns.sse(response(call("a", "slow", "{\"city\":\"A\"}"), call("b", "fast", "{\"city\":\"B\"}"))));
    server.enqueue(Turns.sse(response(message("done"))));
    List<String> heard = new CopyOnWriteArrayList<>();

    AgentResult result = Agent.builder(client).model("m").tools(slow, fast).parallelism(4).build()
        .run(List.of(InputItem.user("go")), new AgentListener() {
          @Override public void onToolResult(ToolResult r) { heard.add(r.output()); }
        });

    assertEquals(List.of("fast B", "slow A"), heard, "the listener hears results as they finish");
    assertEquals(List.of("slow A", "fast B"), result.steps().get(0).toolResults().stream().map(ToolResult::output).toList());
    nextRequest();
    JsonNode second = nextRequest();
    assertEquals(List.of("message", "function_call", "function_call", "function_call_output", "function_call_output"), inputTypes(second));
    assertEquals("a", second.path("input").get(3).path("call_id").asText());
    assertEquals("slow A", second.path("input").get(3).path("output").asText());
    assertEquals("b", second.path("input").get(4).path("call_id").asText());
  }

  @Test
  void aToolThatThrowsGivesTheModelTheErrorAndTheLoopGoesOn() throws Exception {
    IllegalStateException boom = new IllegalStateException("the weather service is down");
    Tool<City> broken = Tool.of("get_weather", "Current weather", City.class, args -> { throw boom; });
    server.enqueue(json(response(call("c1", "get_weather", "{\"city\":\"Oslo\"}"))));
    server.enqueue(json(response(message("Sorry, I cannot tell."))));

    AgentResult result = Agent.builder(client).model("m").tools(broken).build().run("Weather in Oslo?");

    ToolResult r = result.steps().get(0).toolResults().get(0);
    assertEquals(ToolResult.Status.FAILED, r.status());
    assertEquals(boom, r.error());
    assertEquals("{\"error\":\"the weather service is down\"}", r.output());
    assertEquals("Sorry, I cannot tell.", result.text());
    nextRequest();
    assertEquals("{\"error\":\"the weather service is down\"}", nextRequest().path("input").get(2).path("output").asText());
  }

  @Test
  void argumentsThatDoNotFitTheRecordAreFedBackAndTheToolDoesNotRun() throws Exception {
    server.enqueue(json(response(
        call("c1", "add", "{\"a\":1}"),
        call("c2", "add", "{\"a\":1,\"b\":\"two\"}"),
        call("c3", "get_weather", "{\"city\":"),
        call("c4", "get_weather", "{\"town\":\"Porto\"}"))));
    server.enqueue(json(response(call("c5", "add", "{\"a\":1,\"b\":2}"))));
    server.enqueue(json(response(message("3"))));

    AgentResult result = agent().build().run("1+2?");

    assertEquals(List.of("add 1 2"), ran, "only the well-formed retry ran");
    List<ToolResult> bad = result.steps().get(0).toolResults();
    assertTrue(bad.stream().allMatch(r -> r.status() == ToolResult.Status.INVALID_ARGUMENTS), bad.toString());
    assertEquals("{\"error\":\"invalid arguments for add: $: missing required property 'b'\"}", bad.get(0).output());
    assertTrue(bad.get(1).output().contains("$.b: Cannot deserialize value of type `int` from String \\\"two\\\""), bad.get(1).output());
    assertTrue(bad.get(2).output().startsWith("{\"error\":\"invalid arguments for get_weather: not valid JSON: "), bad.get(2).output());
    assertEquals("{\"error\":\"invalid arguments for get_weather: $: missing required property 'city'; "
        + "$: unknown property 'town' (expected city)\"}", bad.get(3).output());

    nextRequest();
    JsonNode second = nextRequest();
    assertEquals(bad.get(0).output(), second.path("input").get(5).path("output").asText());
    assertEquals(bad.get(3).output(), second.path("input").get(8).path("output").asText());
    assertEquals("3", result.text());
  }

  @Test
  void aCallOfAToolTheAgentDoesNotHaveIsFedBack() throws Exception {
    server.enqueue(json(response(call("c1", "get_time", "{}"))));
    server.enqueue(json(response(message("ok"))));

    AgentResult result = agent().build().run("time?");

    ToolResult r = result.steps().get(0).toolResults().get(0);
    assertEquals(ToolResult.Status.UNKNOWN_TOOL, r.status());
    assertEquals("{\"error\":\"no tool named 'get_time'; the tools are [add, get_weather]\"}", r.output());
  }

  // ---- stop conditions

  /** A model that calls add forever. */
  void enqueueEndlessCalls(int n, ResponsesUsage usage) {
    for (int i = 0; i < n; i++) server.enqueue(json(response(usage, call("c" + i, "add", "{\"a\":" + i + ",\"b\":1}"))));
  }

  @Test
  void byDefaultTheLoopStopsAfterFiveSteps() throws Exception {
    enqueueEndlessCalls(6, usage(1, 1, null));

    AgentResult result = agent().build().run("count");

    assertEquals(StopReason.STOP_CONDITION, result.stopReason());
    assertEquals("stepCountIs(5)", result.stoppedBy().toString());
    assertEquals(5, result.steps().size());
    assertEquals(5, ran.size(), "the last step's tools ran before stopping");
    assertEquals(5, server.requestCount());
    assertEquals(10, result.newItems().size());
  }

  @Test
  void stepCountIsStopsAfterThatManySteps() {
    enqueueEndlessCalls(3, usage(1, 1, null));

    AgentResult result = agent().stopWhen(StopCondition.stepCountIs(2)).build().run("count");

    assertEquals(2, result.steps().size());
    assertEquals(2, server.requestCount());
    assertEquals("stepCountIs(2)", result.stoppedBy().toString());
    assertEquals("", result.text(), "the last step only called tools");
  }

  @Test
  void hasToolCallStopsAfterTheStepThatCalledThatTool() {
    Tool<Note> finish = Tool.of("finish", "Call when done", Note.class, args -> "finished");
    server.enqueue(json(response(call("c1", "add", "{\"a\":1,\"b\":1}"))));
    server.enqueue(json(response(message("Done."), call("c2", "finish", "{\"text\":\"2\"}"))));
    server.enqueue(json(response(message("never asked"))));

    AgentResult result = agent().tools(finish).stopWhen(StopCondition.hasToolCall("finish"), StopCondition.stepCountIs(10)).build().run("go");

    assertEquals(2, result.steps().size());
    assertEquals("hasToolCall(finish)", result.stoppedBy().toString());
    assertEquals("finished", result.steps().get(1).toolResults().get(0).output());
    assertEquals("Done.", result.text());
    assertEquals(2, server.requestCount());
  }

  @Test
  void maxTokensUsedStopsOnceTheStepsTogetherUsedThatMany() {
    enqueueEndlessCalls(5, usage(40, 10, null)); // 50 a step

    AgentResult result = agent().stopWhen(StopCondition.maxTokensUsed(120)).build().run("count");

    assertEquals(3, result.steps().size(), "50, 100, 150 >= 120");
    assertEquals(150, result.usage().totalTokens());
    assertEquals("maxTokensUsed(120)", result.stoppedBy().toString());
  }

  @Test
  void maxCostStopsOnceTheStepsTogetherCostThatMuch() {
    enqueueEndlessCalls(5, usage(1, 1, 0.02));

    AgentResult result = agent().stopWhen(StopCondition.maxCost(0.05)).build().run("count");

    assertEquals(3, result.steps().size(), "0.02, 0.04, 0.06 >= 0.05");
    assertEquals(0.06, result.usage().cost(), 1e-9);
    assertEquals("maxCost(0.05)", result.stoppedBy().toString());
  }

  @Test
  void finishReasonIsStopsWhenAStepEndsThatWay() {
    Response cut = response(call("c1", "add", "{\"a\":1,\"b\":1}")).toBuilder()
        .status(Response.INCOMPLETE).incompleteDetails(Response.IncompleteDetails.of("max_output_tokens")).build();
    server.enqueue(json(response(call("c0", "add", "{\"a\":0,\"b\":1}"))));
    server.enqueue(json(cut));
    server.enqueue(json(response(message("never asked"))));

    AgentResult result = agent().stopWhen(StopCondition.finishReasonIs("length"), StopCondition.stepCountIs(5)).build().run("count");

    assertEquals(List.of("tool_calls", "length"), result.steps().stream().map(Step::finishReason).toList());
    assertEquals("finishReasonIs(length)", result.stoppedBy().toString());
    assertEquals(2, server.requestCount());
  }

  @Test
  void aCustomConditionSeesEveryStep() {
    enqueueEndlessCalls(3, usage(1, 1, null));
    StopCondition twoAdds = steps -> steps.stream().mapToLong(s -> s.toolCalls().size()).sum() >= 2;

    AgentResult result = agent().stopWhen(twoAdds).build().run("count");

    assertEquals(2, result.steps().size());
    assertEquals(twoAdds, result.stoppedBy());
  }

  // ---- approval

  final AtomicInteger payments = new AtomicInteger();

  record Payment(String to, int cents) {}

  final Tool<Payment> pay = Tool.of("pay", "Sends money", Payment.class, args -> {
    payments.incrementAndGet();
    return "paid " + args.cents() + " to " + args.to();
  }).requiringApproval();

  @Test
  void aToolNeedingApprovalPausesTheLoopAndResumeRunsItWhenApproved() throws Exception {
    server.enqueue(json(response(call("c1", "get_weather", "{\"city\":\"Rome\"}"), call("c2", "pay", "{\"to\":\"Ann\",\"cents\":500}"))));
    server.enqueue(json(response(message("Paid, and it is sunny."))));
    Agent agent = agent().tools(pay).build();

    AgentResult paused = agent.run("Pay Ann 5 euros and tell me the weather in Rome.");

    assertTrue(paused.paused());
    assertEquals(StopReason.AWAITING_APPROVAL, paused.stopReason());
    assertEquals(List.of("c2"), paused.pendingApprovals().stream().map(OutputItem.FunctionCall::callId).toList());
    assertEquals(0, payments.get());
    assertEquals(List.of("get_weather Rome"), ran, "the calls needing no approval ran");
    assertEquals(List.of("function_call", "function_call"), paused.newItems().stream().map(InputItem::type).toList());
    assertEquals(1, server.requestCount());
    nextRequest();

    AgentResult done = agent.resume(paused, Map.of("c2", true));

    assertEquals(1, payments.get());
    assertEquals(StopReason.FINISHED, done.stopReason());
    assertEquals("Paid, and it is sunny.", done.text());
    assertEquals(2, done.steps().size());
    assertEquals(List.of(ToolResult.Status.SUCCESS, ToolResult.Status.SUCCESS),
        done.steps().get(0).toolResults().stream().map(ToolResult::status).toList());
    JsonNode second = nextRequest();
    assertEquals(List.of("message", "function_call", "function_call", "function_call_output", "function_call_output"), inputTypes(second));
    assertEquals("c1", second.path("input").get(3).path("call_id").asText());
    assertEquals("c2", second.path("input").get(4).path("call_id").asText());
    assertEquals("paid 500 to Ann", second.path("input").get(4).path("output").asText());
    assertEquals(second.path("input").size() + 1, done.conversation().size());
  }

  @Test
  void aDeniedCallDoesNotRunAndTheModelIsToldSo() throws Exception {
    server.enqueue(json(response(call("c1", "pay", "{\"to\":\"Bob\",\"cents\":100000}"))));
    server.enqueue(json(response(message("I did not pay Bob."))));
    Agent agent = agent().tools(pay).build();

    AgentResult paused = agent.run("Pay Bob 1000 euros.");
    AgentResult done = agent.resume(paused, Map.of("c1", false));

    assertEquals(0, payments.get());
    ToolResult denied = done.steps().get(0).toolResults().get(0);
    assertEquals(ToolResult.Status.DENIED, denied.status());
    nextRequest();
    assertEquals("{\"error\":\"denied: the user did not approve this call\"}", nextRequest().path("input").get(2).path("output").asText());
    assertEquals("I did not pay Bob.", done.text());
  }

  @Test
  void approvalCanDependOnTheArguments() {
    Tool<Payment> payLarge = Tool.of("pay", "Sends money", Payment.class, args -> {
      payments.incrementAndGet();
      return "paid";
    }).requiringApproval(args -> args.cents() > 10_000);
    server.enqueue(json(response(call("c1", "pay", "{\"to\":\"Ann\",\"cents\":500}"), call("c2", "pay", "{\"to\":\"Bob\",\"cents\":50000}"))));

    AgentResult paused = Agent.builder(client).model("m").tools(payLarge).build().run("pay");

    assertEquals(1, payments.get());
    assertEquals(List.of("c2"), paused.pendingApprovals().stream().map(OutputItem.FunctionCall::callId).toList());
  }

  @Test
  void resumeWantsADecisionForEveryPendingCall() {
    server.enqueue(json(response(call("c1", "pay", "{\"to\":\"Ann\",\"cents\":500}"))));
    Agent agent = agent().tools(pay).build();
    AgentResult paused = agent.run("pay");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> agent.resume(paused, Map.of()));
    assertEquals("no approval decision for the calls [c1]", e.getMessage());
  }

  @Test
  void stopConditionsCountThePausedStepOnResume() {
    server.enqueue(json(response(call("c1", "pay", "{\"to\":\"Ann\",\"cents\":500}"))));
    Agent agent = agent().tools(pay).stopWhen(StopCondition.stepCountIs(1)).build();

    AgentResult done = agent.resume(agent.run("pay"), Map.of("c1", true));

    assertEquals(StopReason.STOP_CONDITION, done.stopReason());
    assertEquals(1, done.steps().size());
    assertEquals(1, payments.get());
  }

  // ---- streaming and usage

  @Test
  void aStreamedRunReportsTextAndToolEventsInOrder() throws Exception {
    server.enqueue(Turns.sse(response(message("Let me check. "), call("c1", "get_weather", "{\"city\":\"Lisbon\"}"))));
    server.enqueue(Turns.sse(response(message("It is sunny in Lisbon."))));
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = new CopyOnWriteArrayList<>();
    AgentListener listener = new AgentListener() {
      @Override public void onEvent(StreamEvent event) { threads.add(Thread.currentThread().getName()); }
      @Override public void onTextDelta(String delta) { heard.add("text " + delta); }
      @Override public void onToolCall(OutputItem.FunctionCall call) { heard.add("call " + call.name() + " " + call.arguments()); }
      @Override public void onToolResult(ToolResult result) { heard.add("result " + result.output()); }
      @Override public void onStepFinished(Step step) { heard.add("step " + step.number() + " " + step.finishReason()); }
    };

    AgentResult result = agent().build().run("Weather in Lisbon?", listener);

    assertEquals(List.of(
        "text Let ", "text me ", "text check. ",
        "call get_weather {\"city\":\"Lisbon\"}",
        "result {\"city\":\"Lisbon\",\"celsius\":21}",
        "step 1 tool_calls",
        "text It ", "text is ", "text sunny ", "text in ", "text Lisbon.",
        "step 2 stop"), heard);
    assertTrue(threads.stream().allMatch(t -> t.equals(Thread.currentThread().getName())), "events arrive on the caller's thread");
    assertEquals("It is sunny in Lisbon.", result.text());
    JsonNode first = nextRequest();
    assertTrue(first.path("stream").asBoolean());
    JsonNode second = nextRequest();
    assertTrue(second.path("stream").asBoolean());
    assertEquals(List.of("message", "message", "function_call", "function_call_output"), inputTypes(second));
    assertEquals("Let me check. ", second.path("input").get(1).path("content").get(0).path("text").asText());
  }

  @Test
  void usageIsSummedOverTheSteps() {
    server.enqueue(json(response(usage(100, 20, 0.0012), call("c1", "add", "{\"a\":1,\"b\":2}"))));
    server.enqueue(json(response(usage(130, 30, 0.0008), call("c2", "add", "{\"a\":3,\"b\":3}"))));
    server.enqueue(json(response(usage(160, 8, null), message("6"))));

    AgentResult result = agent().build().run("1+2+3?");

    ResponsesUsage u = result.usage();
    assertEquals(390, u.inputTokens());
    assertEquals(58, u.outputTokens());
    assertEquals(448, u.totalTokens());
    assertEquals(0.002, u.cost(), 1e-12);
    assertEquals(3, result.steps().size());
    assertEquals(100, result.steps().get(0).usage().inputTokens());
  }

  @Test
  void costIsNullWhenNoStepReportedOne() {
    server.enqueue(json(response(usage(1, 1, null), message("hi"))));
    assertNull(agent().build().run("hi").usage().cost());
  }

  @Test
  void theBaseRequestCarriesOtherSettingsAndServerToolsAlongsideTheAgentsTools() throws Exception {
    server.enqueue(json(response(message("ok"))));
    ResponsesRequest base = ResponsesRequest.builder()
        .temperature(0.2)
        .tools(dev.openrouter4j.api.responses.ResponsesTool.openrouter("web_search"))
        .build();

    agent().request(base).build().run("hi");

    JsonNode body = nextRequest();
    assertEquals(0.2, body.path("temperature").asDouble());
    assertEquals(List.of("openrouter:web_search", "function", "function"),
        List.of(body.path("tools").get(0).path("type").asText(), body.path("tools").get(1).path("type").asText(), body.path("tools").get(2).path("type").asText()));
  }

  @Test
  void anApiErrorIsThrownAsTheSdkThrowsIt() {
    server.enqueue(MockServer.Reply.json(402, "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}"));
    RuntimeException e = assertThrows(RuntimeException.class, () -> agent().build().run("hi"));
    assertInstanceOf(dev.openrouter4j.errors.PaymentRequiredException.class, e);
  }

  @Test
  void twoToolsWithOneNameAreRefused() {
    Tool<City> again = Tool.of("add", "another add", City.class, args -> "x");
    assertThrows(IllegalArgumentException.class, () -> agent().tools(again));
  }
}
