// OpenAI's TypeScript client (openai), unmodified, against the gateway's Responses API, over an
// OpenAI-compatible, an Anthropic and a Responses API stand-in upstream (the last passed through):
// responses.create streaming and not,
// responses.stream() (whose helper rebuilds the response from the events and throws on any event
// out of order), a function-calling round trip and structured output with responses.parse.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import {
  API_KEY, BASE_URL, FAIL_MID_STREAM, REASONING_THEN_CALL_EVENT_ORDER, STAND_IN_THINKING, FUNCTION_CALL_EVENT_ORDER, WORDS_BEFORE_FAILURE, endingIn, firstWords, MESSAGE_EVENT_ORDER, RESPONSES_WEATHER_TOOL, STAND_INS,
  STAND_IN_CITY, STAND_IN_INPUT_TOKENS, STAND_IN_JSON, STAND_IN_TEXT, WEATHER_SCHEMA,
  argumentTokens, assertGenerationId, assertSequenceNumbers, collapseDeltas, expectedCost, textTokens, weatherSentence,
} from "./common.mjs";

const client = new OpenAI({ apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0, timeout: 20_000 });

const WEATHER_OUTPUT = JSON.stringify({ temperature: 21, unit: "celsius" });

/** Usage as the Responses API reports it, with the gateway's cost for the stand-in's prices. */
function assertUsage(standIn, usage, outputTokens) {
  assert.ok(usage, "usage is present");
  assert.equal(usage.input_tokens, STAND_IN_INPUT_TOKENS);
  assert.equal(usage.output_tokens, outputTokens);
  assert.equal(usage.total_tokens, STAND_IN_INPUT_TOKENS + outputTokens);
  assert.equal(typeof usage.input_tokens_details?.cached_tokens, "number");
  assert.equal(typeof usage.output_tokens_details?.reasoning_tokens, "number");
  assert.equal(typeof usage.cost, "number", "usage.cost (OpenRouter's addition) is a number");
  assert.ok(Math.abs(usage.cost - expectedCost(standIn, STAND_IN_INPUT_TOKENS, outputTokens)) < 1e-12,
    `usage.cost ${usage.cost} is ${expectedCost(standIn, STAND_IN_INPUT_TOKENS, outputTokens)}`);
}

/** A completed response whose only output is one assistant message with `text`. */
function assertTextResponse(standIn, response, text) {
  assertGenerationId(response.id);
  assert.equal(response.object, "response");
  assert.equal(response.status, "completed");
  assert.equal(response.model, standIn.model);
  assert.equal(response.error, null);
  assert.equal(response.incomplete_details, null);
  assert.equal(response.output.length, 1, JSON.stringify(response.output));
  const [message] = response.output;
  assert.equal(message.type, "message");
  assert.equal(message.role, "assistant");
  assert.equal(message.status, "completed");
  assert.match(message.id, /^msg_/);
  assert.equal(message.content.length, 1);
  assert.equal(message.content[0].type, "output_text");
  assert.equal(message.content[0].text, text);
  assert.deepEqual(message.content[0].annotations, []);
  assert.equal(response.output_text, text);
  assertUsage(standIn, response.usage, textTokens(text));
}

/** A completed response whose only output is a get_weather call for the stand-in's city. */
function assertWeatherCall(standIn, response) {
  assert.equal(response.status, "completed");
  assert.equal(response.output.length, 1, JSON.stringify(response.output));
  const [call] = response.output;
  assert.equal(call.type, "function_call");
  assert.equal(call.name, "get_weather");
  assert.equal(call.status, "completed");
  assert.match(call.id, /^fc_/);
  assert.ok(call.call_id.length > 0);
  assert.deepEqual(JSON.parse(call.arguments), { city: STAND_IN_CITY });
  assert.equal(response.output_text, "");
  assertUsage(standIn, response.usage, argumentTokens(call.arguments));
  return call;
}

/** Output items without the `parsed` and `parsed_arguments` keys the helper adds. */
function withoutParsed(output) {
  return output.map(({ parsed_arguments, ...item }) =>
    item.type === "message" ? { ...item, content: item.content.map(({ parsed, ...part }) => part) } : item);
}

/** Streams with responses.stream(); what its helper emitted, and the response it rebuilt. */
async function helperStream(params) {
  const stream = client.responses.stream(params);
  const types = [];
  const textDeltas = [];
  const textSnapshots = [];
  const argumentSnapshots = [];
  stream.on("event", (e) => types.push(e.type));
  stream.on("response.output_text.delta", (e) => {
    textDeltas.push(e.delta);
    textSnapshots.push(e.snapshot);
  });
  stream.on("response.function_call_arguments.delta", (e) => argumentSnapshots.push(e.snapshot));
  const completed = new Promise((resolve) => {
    for (const terminal of ["response.completed", "response.incomplete", "response.failed"]) stream.on(terminal, (e) => resolve(e.response));
  });
  const final = await stream.finalResponse();
  return { types, textDeltas, textSnapshots, argumentSnapshots, final, completed: await completed };
}

/** Streams with responses.create({stream: true}); the events as parsed. */
async function createStream(params) {
  const events = [];
  for await (const event of await client.responses.create({ ...params, stream: true })) events.push(event);
  return events;
}

for (const standIn of STAND_INS) {
  const { model } = standIn;

  describe(`openai: responses over ${standIn.upstream} (${model})`, () => {
    test("responses.create: output_text, one message, usage with cost", async () => {
      const response = await client.responses.create({
        model,
        instructions: "You are a poet.",
        input: "Write a line about the sea.",
        max_output_tokens: 200,
      });
      assertTextResponse(standIn, response, STAND_IN_TEXT);
      assert.equal(response.instructions, "You are a poet.");
      assert.equal(response.max_output_tokens, 200);
      assert.equal(typeof response.created_at, "number");
    });

    test("responses.create({stream: true}): the events in order, deltas adding up to the final text", async () => {
      const events = await createStream({ model, input: "Write a line about the sea." });
      assertSequenceNumbers(events);
      assert.deepEqual(collapseDeltas(events.map((e) => e.type)), MESSAGE_EVENT_ORDER);
      const deltas = events.filter((e) => e.type === "response.output_text.delta");
      assert.ok(deltas.length > 1, "the text arrives in several deltas");
      assert.equal(deltas.map((e) => e.delta).join(""), STAND_IN_TEXT);
      const itemId = events.find((e) => e.type === "response.output_item.added").item.id;
      for (const e of events.filter((e) => "item_id" in e)) assert.equal(e.item_id, itemId, e.type);
      for (const e of events.filter((e) => "output_index" in e)) assert.equal(e.output_index, 0, e.type);
      assert.equal(events.find((e) => e.type === "response.output_text.done").text, STAND_IN_TEXT);
      assert.equal(events[0].response.status, "in_progress");
      const done = events.at(-1).response;
      assertTextResponse(standIn, done, STAND_IN_TEXT);
      assert.equal(done.id, events[0].response.id);
    });

    test("responses.stream(): the helper's delta snapshots and finalResponse()", async () => {
      const s = await helperStream({ model, input: "Write a line about the sea." });
      assert.deepEqual(collapseDeltas(s.types), MESSAGE_EVENT_ORDER);
      assert.equal(s.textDeltas.join(""), STAND_IN_TEXT);
      assert.equal(s.textSnapshots.at(-1), STAND_IN_TEXT);
      for (let i = 1; i < s.textSnapshots.length; i++) assert.ok(s.textSnapshots[i].startsWith(s.textSnapshots[i - 1]));
      assertTextResponse(standIn, s.final, STAND_IN_TEXT);
      assert.equal(s.final.output_parsed, null);
      // what the helper rebuilt from the events is what response.completed carries
      assert.deepEqual(withoutParsed(s.final.output), s.completed.output);
      assert.deepEqual(s.final.usage, s.completed.usage);
    });

    test("a function call round trip: function_call, then function_call_output in the next input", async () => {
      const input = [{ role: "user", content: `What is the weather in ${STAND_IN_CITY}?` }];
      const first = await client.responses.create({ model, input, tools: [RESPONSES_WEATHER_TOOL] });
      const call = assertWeatherCall(standIn, first);

      const second = await client.responses.create({
        model,
        tools: [RESPONSES_WEATHER_TOOL],
        input: [...input, ...first.output, { type: "function_call_output", call_id: call.call_id, output: WEATHER_OUTPUT }],
      });
      assertTextResponse(standIn, second, weatherSentence(STAND_IN_CITY, WEATHER_OUTPUT));
    });

    test("a function call round trip through responses.stream(): arguments snapshots, parsed_arguments", async () => {
      const input = [{ role: "user", content: `What is the weather in ${STAND_IN_CITY}?` }];
      const first = await helperStream({ model, input, tools: [RESPONSES_WEATHER_TOOL] });
      assert.deepEqual(collapseDeltas(first.types), FUNCTION_CALL_EVENT_ORDER);
      const call = assertWeatherCall(standIn, first.final);
      assert.equal(first.argumentSnapshots.at(-1), call.arguments);
      assert.ok(first.argumentSnapshots.length > 1, "the arguments arrive in several deltas");
      // a strict function tool makes the helper parse the arguments
      assert.deepEqual(call.parsed_arguments, { city: STAND_IN_CITY });

      const { parsed_arguments, ...echoed } = call;
      const second = await helperStream({
        model,
        tools: [RESPONSES_WEATHER_TOOL],
        input: [...input, echoed, { type: "function_call_output", call_id: call.call_id, output: WEATHER_OUTPUT }],
      });
      assert.deepEqual(collapseDeltas(second.types), MESSAGE_EVENT_ORDER);
      assertTextResponse(standIn, second.final, weatherSentence(STAND_IN_CITY, WEATHER_OUTPUT));
    });

    test("structured output: responses.parse with text.format json_schema", async () => {
      const params = {
        model,
        // Anthropic has no JSON mode: the stand-in, like Claude, answers JSON when the prompt asks for it
        input: "Report the weather in Paris as JSON.",
        text: { format: { type: "json_schema", name: "weather", schema: WEATHER_SCHEMA, strict: true } },
      };
      const parsed = await client.responses.parse(params);
      assert.equal(parsed.status, "completed");
      assert.deepEqual(parsed.output_parsed, STAND_IN_JSON);
      assert.equal(parsed.text.format.type, "json_schema");
      assert.equal(parsed.text.format.name, "weather");

      // the stream helper parses only formats made by its zod helpers (zodTextFormat); the text is the JSON
      const streamed = await helperStream(params);
      assert.deepEqual(collapseDeltas(streamed.types), MESSAGE_EVENT_ORDER);
      assert.deepEqual(JSON.parse(streamed.final.output_text), STAND_IN_JSON);
    });

    test("max_output_tokens cuts the answer: status incomplete, streaming and not", async () => {
      const params = { model, input: "Write a line about the sea.", max_output_tokens: 3 };
      const cut = firstWords(STAND_IN_TEXT, 3);
      const sent = await client.responses.create(params);
      assert.equal(sent.status, "incomplete");
      assert.deepEqual(sent.incomplete_details, { reason: "max_output_tokens" });
      assert.equal(sent.output_text, cut);
      assert.equal(sent.output[0].status, "incomplete");
      assertUsage(standIn, sent.usage, 3);

      const s = await helperStream(params);
      assert.deepEqual(collapseDeltas(s.types), endingIn("response.incomplete"));
      assert.equal(s.final.status, "incomplete");
      assert.deepEqual(s.final.incomplete_details, { reason: "max_output_tokens" });
      assert.equal(s.final.output_text, cut);
    });

    test("an upstream failure after the first words ends the stream with response.failed", async () => {
      const params = { model, input: `Write a line about the sea. ${FAIL_MID_STREAM}` };
      const s = client.responses.stream(params);
      const types = [];
      s.on("event", (e) => types.push(e.type));
      const final = await s.finalResponse();
      assert.deepEqual(collapseDeltas(types), endingIn("response.failed"));
      assert.equal(final.status, "failed");
      assert.equal(final.error.code, "server_error");
      assert.equal(typeof final.error.message, "string");
      assert.equal(final.output_text, firstWords(STAND_IN_TEXT, WORDS_BEFORE_FAILURE), "the words that came are kept");
      assert.equal(final.output[0].status, "incomplete");
    });

    test("reasoning: a reasoning item before the call, passed back with it in the next input", async () => {
      // the Anthropic stand-in, like Anthropic, refuses a tool result whose call lost its signed thinking block
      const input = [{ role: "user", content: `What is the weather in ${STAND_IN_CITY}?` }];
      const params = { model, input, tools: [RESPONSES_WEATHER_TOOL], reasoning: { effort: "low" } };
      const first = await helperStream(params);
      assert.deepEqual(collapseDeltas(first.types), REASONING_THEN_CALL_EVENT_ORDER);
      assert.deepEqual(first.final.output.map((i) => i.type), ["reasoning", "function_call"]);
      const [reasoning, call] = first.final.output;
      assert.match(reasoning.id, /^rs_/);
      assert.equal(reasoning.status, "completed");
      assert.deepEqual(reasoning.summary, []);
      assert.deepEqual(reasoning.content, [{ type: "reasoning_text", text: STAND_IN_THINKING }]);
      assert.equal(call.name, "get_weather");
      assert.equal(first.final.usage.output_tokens_details.reasoning_tokens, standIn.countsReasoningTokens ? textTokens(STAND_IN_THINKING) : 0);
      assert.equal(first.final.usage.output_tokens, textTokens(STAND_IN_THINKING) + argumentTokens(call.arguments));

      const second = await client.responses.create({
        ...params,
        input: [...input, ...withoutParsed(first.final.output), { type: "function_call_output", call_id: call.call_id, output: WEATHER_OUTPUT }],
      });
      assert.equal(second.status, "completed");
      assert.deepEqual(second.output.map((i) => i.type), ["reasoning", "message"]);
      assert.equal(second.output_text, weatherSentence(STAND_IN_CITY, WEATHER_OUTPUT));
    });
  });
}
