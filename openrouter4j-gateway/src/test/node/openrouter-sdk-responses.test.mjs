// OpenRouter's own TypeScript SDK (@openrouter/sdk), unmodified, against the gateway's Responses
// API, over an OpenAI-compatible, an Anthropic and a Responses API stand-in upstream (the last
// passed through): responses.send streaming and
// not (beta.responses.send, the name in the reference pages, is its deprecated alias), a function call round trip
// and structured output. Its parsers never fail on a shape they do not know: a discriminated union
// (output items, content parts, stream events, tools) falls back to {isUnknown: true, raw, type:
// "UNKNOWN"}, and an open enum keeps any string. So every result and event is checked for the
// fallback, and the enum-valued fields that matter are compared with their known values.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { OpenRouter } from "@openrouter/sdk";
import { CodeEnum, IncompleteDetailsReason } from "@openrouter/sdk/models";
import {
  API_KEY, BASE_URL, FAIL_MID_STREAM, REASONING_THEN_CALL_EVENT_ORDER, STAND_IN_THINKING, FUNCTION_CALL_EVENT_ORDER, WORDS_BEFORE_FAILURE, endingIn, firstWords, MESSAGE_EVENT_ORDER, RESPONSES_WEATHER_TOOL, STAND_INS,
  STAND_IN_CITY, STAND_IN_INPUT_TOKENS, STAND_IN_JSON, STAND_IN_TEXT, WEATHER_SCHEMA,
  argumentTokens, assertGenerationId, assertNoUnknown, assertSequenceNumbers, collapseDeltas, expectedCost,
  textTokens, weatherSentence,
} from "./common.mjs";

const openRouter = new OpenRouter({
  apiKey: API_KEY,
  serverURL: BASE_URL,
  appTitle: "openrouter4j compatibility test",
  retryConfig: { strategy: "none" },
  timeoutMs: 20_000,
});

// In @openrouter/sdk 1.3.x the body goes in `responsesRequest`, beside the header parameters.
const send = (responsesRequest) => openRouter.responses.send({ responsesRequest });

const WEATHER_OUTPUT = JSON.stringify({ temperature: 21, unit: "celsius" });

/** The SDK's (camelCase) usage, with the gateway's cost for the stand-in's prices. */
function assertUsage(standIn, usage, outputTokens) {
  assert.ok(usage, "usage is present");
  assert.equal(usage.inputTokens, STAND_IN_INPUT_TOKENS);
  assert.equal(usage.outputTokens, outputTokens);
  assert.equal(usage.totalTokens, STAND_IN_INPUT_TOKENS + outputTokens);
  assert.equal(usage.inputTokensDetails.cachedTokens, 0);
  assert.equal(usage.outputTokensDetails.reasoningTokens, 0);
  const cost = expectedCost(standIn, STAND_IN_INPUT_TOKENS, outputTokens);
  assert.ok(Math.abs(usage.cost - cost) < 1e-12, `usage.cost ${usage.cost} is ${cost}`);
  assert.ok(Math.abs(usage.costDetails.upstreamInferenceInputCost + usage.costDetails.upstreamInferenceOutputCost - cost) < 1e-12,
    "the cost details add up to the cost");
}

/** A completed result whose only output is one assistant message with `text`. */
function assertTextResult(standIn, result, text) {
  assertNoUnknown(result, "the response");
  assertGenerationId(result.id);
  assert.equal(result.object, "response");
  assert.equal(result.status, "completed");
  assert.equal(result.model, standIn.model);
  assert.equal(result.error, null);
  assert.equal(result.incompleteDetails, null);
  assert.equal(typeof result.createdAt, "number");
  assert.equal(result.output.length, 1, JSON.stringify(result.output));
  const [message] = result.output;
  assert.equal(message.type, "message");
  assert.equal(message.role, "assistant");
  assert.equal(message.status, "completed");
  assert.equal(message.content.length, 1);
  assert.equal(message.content[0].type, "output_text");
  assert.equal(message.content[0].text, text);
  assert.equal(result.outputText, text);
  assertUsage(standIn, result.usage, textTokens(text));
}

/** A completed result whose only output is a get_weather call for the stand-in's city. */
function assertWeatherCall(standIn, result) {
  assertNoUnknown(result, "the response");
  assert.equal(result.status, "completed");
  assert.equal(result.output.length, 1, JSON.stringify(result.output));
  const [call] = result.output;
  assert.equal(call.type, "function_call");
  assert.equal(call.name, "get_weather");
  assert.equal(call.status, "completed");
  assert.match(call.id, /^fc_/);
  assert.ok(call.callId.length > 0);
  assert.deepEqual(JSON.parse(call.arguments), { city: STAND_IN_CITY });
  assertUsage(standIn, result.usage, argumentTokens(call.arguments));
  return call;
}

/** A streamed send: every event parsed as a known type, numbered from 0, and the terminal response. */
async function sendStreaming(request, order) {
  const events = [];
  for await (const event of await send({ ...request, stream: true })) events.push(event);
  events.forEach((e, i) => assertNoUnknown(e, `event ${i} (${e.type})`));
  assertSequenceNumbers(events, "sequenceNumber");
  assert.deepEqual(collapseDeltas(events.map((e) => e.type)), order);
  assert.equal(events[0].response.status, "in_progress");
  // each item keeps its id and output index from output_item.added to output_item.done
  const items = events.filter((e) => e.type === "response.output_item.added").map((e) => e.item.id);
  for (const e of events.filter((e) => "outputIndex" in e)) {
    assert.equal(e.itemId ?? e.item.id, items[e.outputIndex], `${e.type} at ${e.sequenceNumber}`);
  }
  const done = events.at(-1).response;
  assert.equal(done.id, events[0].response.id);
  return { events, done };
}

for (const standIn of STAND_INS) {
  const { model } = standIn;

  describe(`@openrouter/sdk: responses.send over ${standIn.upstream} (${model})`, () => {
    test("not streaming: one message, outputText, usage with cost", async () => {
      const result = await send({ model, instructions: "You are a poet.", input: "Write a line about the sea.", maxOutputTokens: 200 });
      assertTextResult(standIn, result, STAND_IN_TEXT);
      assert.equal(result.instructions, "You are a poet.");
      assert.equal(result.maxOutputTokens, 200);
    });

    test("streaming: every event a known type, in order; deltas adding up to the final text", async () => {
      const { events, done } = await sendStreaming({ model, input: "Write a line about the sea." }, MESSAGE_EVENT_ORDER);
      const deltas = events.filter((e) => e.type === "response.output_text.delta");
      assert.ok(deltas.length > 1, "the text arrives in several deltas");
      assert.equal(deltas.map((e) => e.delta).join(""), STAND_IN_TEXT);
      assert.equal(events.find((e) => e.type === "response.output_text.done").text, STAND_IN_TEXT);
      const partDone = events.find((e) => e.type === "response.content_part.done");
      assert.equal(partDone.part.type, "output_text");
      assert.equal(partDone.part.text, STAND_IN_TEXT);
      assert.deepEqual(events.find((e) => e.type === "response.output_item.done").item, done.output[0]);
      assertTextResult(standIn, done, STAND_IN_TEXT);
    });

    test("a function call round trip, not streaming", async () => {
      const input = [{ role: "user", content: `What is the weather in ${STAND_IN_CITY}?` }];
      const first = await send({ model, input, tools: [RESPONSES_WEATHER_TOOL] });
      const call = assertWeatherCall(standIn, first);
      const second = await send({
        model,
        tools: [RESPONSES_WEATHER_TOOL],
        input: [...input, call, { type: "function_call_output", callId: call.callId, output: WEATHER_OUTPUT }],
      });
      assertTextResult(standIn, second, weatherSentence(STAND_IN_CITY, WEATHER_OUTPUT));
    });

    test("a function call round trip, streaming", async () => {
      const input = [{ role: "user", content: `What is the weather in ${STAND_IN_CITY}?` }];
      const first = await sendStreaming({ model, input, tools: [RESPONSES_WEATHER_TOOL] }, FUNCTION_CALL_EVENT_ORDER);
      const call = assertWeatherCall(standIn, first.done);
      const argDeltas = first.events.filter((e) => e.type === "response.function_call_arguments.delta");
      assert.ok(argDeltas.length > 1, "the arguments arrive in several deltas");
      assert.equal(argDeltas.map((e) => e.delta).join(""), call.arguments);
      const argsDone = first.events.find((e) => e.type === "response.function_call_arguments.done");
      assert.equal(argsDone.arguments, call.arguments);

      const second = await sendStreaming({
        model,
        tools: [RESPONSES_WEATHER_TOOL],
        input: [...input, call, { type: "function_call_output", callId: call.callId, output: WEATHER_OUTPUT }],
      }, MESSAGE_EVENT_ORDER);
      assertTextResult(standIn, second.done, weatherSentence(STAND_IN_CITY, WEATHER_OUTPUT));
    });

    test("structured output: text.format json_schema, streaming and not", async () => {
      const request = {
        model,
        // Anthropic has no JSON mode: the stand-in, like Claude, answers JSON when the prompt asks for it
        input: "Report the weather in Paris as JSON.",
        text: { format: { type: "json_schema", name: "weather", schema: WEATHER_SCHEMA, strict: true } },
      };
      const result = await send(request);
      assertNoUnknown(result, "the response");
      assert.deepEqual(JSON.parse(result.outputText), STAND_IN_JSON);
      assert.equal(result.text.format.type, "json_schema");
      assert.equal(result.text.format.name, "weather");
      const { done } = await sendStreaming(request, MESSAGE_EVENT_ORDER);
      assert.deepEqual(JSON.parse(done.outputText), STAND_IN_JSON);
    });

    test("max_output_tokens cuts the answer: status incomplete, a reason the SDK knows, streaming and not", async () => {
      const request = { model, input: "Write a line about the sea.", maxOutputTokens: 3 };
      const cut = firstWords(STAND_IN_TEXT, 3);
      const sent = await send(request);
      assertNoUnknown(sent, "the response");
      assert.equal(sent.status, "incomplete");
      assert.equal(sent.incompleteDetails.reason, IncompleteDetailsReason.MaxOutputTokens);
      assert.equal(sent.outputText, cut);
      assert.equal(sent.output[0].status, "incomplete");
      assertUsage(standIn, sent.usage, 3);

      const { done } = await sendStreaming(request, endingIn("response.incomplete"));
      assert.equal(done.status, "incomplete");
      assert.equal(done.incompleteDetails.reason, IncompleteDetailsReason.MaxOutputTokens);
      assert.equal(done.outputText, cut);
    });

    test("an upstream failure after the first words: response.failed with an error code the SDK knows", async () => {
      const { done } = await sendStreaming({ model, input: `Write a line about the sea. ${FAIL_MID_STREAM}` }, endingIn("response.failed"));
      assert.equal(done.status, "failed");
      assert.ok(Object.values(CodeEnum).includes(done.error.code), `error.code ${done.error.code} is one of the SDK's codes`);
      assert.equal(typeof done.error.message, "string");
      assert.equal(done.outputText, firstWords(STAND_IN_TEXT, WORDS_BEFORE_FAILURE), "the words that came are kept");
      assert.equal(done.output[0].status, "incomplete");
    });

    test("reasoning: a reasoning item of known shape before the call, passed back with it in the next input", async () => {
      // the Anthropic stand-in, like Anthropic, refuses a tool result whose call lost its signed thinking block
      const input = [{ role: "user", content: `What is the weather in ${STAND_IN_CITY}?` }];
      const request = { model, input, tools: [RESPONSES_WEATHER_TOOL], reasoning: { effort: "low" } };
      const { events, done } = await sendStreaming(request, REASONING_THEN_CALL_EVENT_ORDER);
      const thought = events.filter((e) => e.type === "response.reasoning_text.delta").map((e) => e.delta).join("");
      assert.equal(thought, STAND_IN_THINKING);
      const sent = await send(request);
      for (const result of [done, sent]) {
        assertNoUnknown(result, "the response");
        assert.deepEqual(result.output.map((i) => i.type), ["reasoning", "function_call"]);
        const [reasoning] = result.output;
        assert.equal(reasoning.status, "completed");
        assert.deepEqual(reasoning.summary, []);
        assert.deepEqual(reasoning.content, [{ type: "reasoning_text", text: STAND_IN_THINKING }]);
        assert.equal(result.usage.outputTokensDetails.reasoningTokens, standIn.countsReasoningTokens ? textTokens(STAND_IN_THINKING) : 0);
      }
      const call = sent.output[1];
      const second = await send({
        ...request,
        input: [...input, ...sent.output, { type: "function_call_output", callId: call.callId, output: WEATHER_OUTPUT }],
      });
      assertNoUnknown(second, "the response");
      assert.deepEqual(second.output.map((i) => i.type), ["reasoning", "message"]);
      assert.equal(second.outputText, weatherSentence(STAND_IN_CITY, WEATHER_OUTPUT));
    });
  });
}

describe("@openrouter/sdk: the Responses API's other names", () => {
  const [standIn] = STAND_INS;
  const responsesRequest = { model: standIn.model, input: "Write a line about the sea." };

  test("beta.responses.send, the reference pages' name, is the same call", async () => {
    assertTextResult(standIn, await openRouter.beta.responses.send({ responsesRequest }), STAND_IN_TEXT);
  });

  test("the reference's path, /api/alpha/responses, answers as /api/v1/responses does", async () => {
    const alpha = new OpenRouter({
      apiKey: API_KEY,
      serverURL: BASE_URL.replace(/\/api\/v1\/?$/, "/api/alpha"),
      retryConfig: { strategy: "none" },
      timeoutMs: 20_000,
    });
    assertTextResult(standIn, await alpha.responses.send({ responsesRequest }), STAND_IN_TEXT);
  });
});
