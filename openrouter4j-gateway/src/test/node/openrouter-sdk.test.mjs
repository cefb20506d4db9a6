// OpenRouter's own TypeScript SDK (@openrouter/sdk), unmodified, against the gateway: chat.send,
// streaming and not, a tool call round trip, and its error classes. Its zod schemas turn an
// unparseable union member into {isUnknown: true}, so every result is checked for those too.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { OpenRouter } from "@openrouter/sdk";
import {
  BadRequestResponseError, OpenRouterError, ServiceUnavailableResponseError, TooManyRequestsResponseError,
} from "@openrouter/sdk/models/errors";
import {
  API_KEY, BASE_URL, BREAKING_MODEL, DOWN_MODEL, LIMITED_MODEL, MODEL, OTHER_MODEL, SLOW_MODEL, WEATHER_TOOL,
  assertGenerationId, assertKeepAliveComments, assertNoUnknown, assertUsageWithCost,
} from "./common.mjs";

const openRouter = new OpenRouter({
  apiKey: API_KEY,
  serverURL: BASE_URL,
  appTitle: "openrouter4j compatibility test",
  retryConfig: { strategy: "none" },
  timeoutMs: 20_000,
});

// In @openrouter/sdk 1.3.x the request body goes in `chatRequest`, beside the header parameters.
const send = (chatRequest) => openRouter.chat.send({ chatRequest });
const ask = (prompt, extra = {}) => ({ model: MODEL, messages: [{ role: "user", content: prompt }], ...extra });
const assertSdkUsage = (usage) => assertUsageWithCost(usage, "promptTokens", "completionTokens", "totalTokens");

/** Chunks of a streamed send, and the text their deltas add up to. */
async function collect(stream) {
  const chunks = [];
  let text = "";
  for await (const chunk of stream) {
    chunks.push(chunk);
    for (const c of chunk.choices) text += c.delta?.content ?? "";
  }
  return { chunks, text };
}

describe("@openrouter/sdk: chat.send", () => {
  test("a completion has text, a gen- id, the requested model and usage with cost", async () => {
    const result = await send({
      ...ask("What is the capital of France?"),
      messages: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "What is the capital of France?" },
      ],
      maxTokens: 150,
      temperature: 0.7,
    });
    assertNoUnknown(result, "ChatResult");
    assertGenerationId(result.id);
    assert.equal(result.object, "chat.completion");
    assert.equal(result.model, MODEL);
    assert.equal(typeof result.created, "number");
    assert.ok("systemFingerprint" in result, "system_fingerprint is present (the schema requires the key)");
    assert.equal(result.choices.length, 1);
    const choice = result.choices[0];
    assert.equal(choice.index, 0);
    assert.equal(choice.finishReason, "stop");
    assert.equal(choice.message.role, "assistant");
    assert.equal(typeof choice.message.content, "string");
    assert.ok(choice.message.content.length > 0);
    assertSdkUsage(result.usage);
    assert.equal(typeof result.usage.costDetails.upstreamInferencePromptCost, "number");
    assert.equal(typeof result.usage.costDetails.upstreamInferenceCompletionsCost, "number");
  });

  test("the model asked for is the one that answers", async () => {
    const result = await send({ ...ask("Hi"), model: OTHER_MODEL });
    assert.equal(result.model, OTHER_MODEL);
  });

  test("a failure after some output keeps the partial text with finish_reason error", async () => {
    const result = await send({ ...ask("Hello"), model: BREAKING_MODEL });
    assertNoUnknown(result, "ChatResult");
    assert.equal(result.choices[0].finishReason, "error");
    assert.equal(result.choices[0].message.content.trim().split(" ").length, 3);
  });
});

describe("@openrouter/sdk: streaming", () => {
  test("the deltas add up to the non-streamed text, and the last chunk carries usage with cost", async () => {
    const prompt = "Write a haiku about the sea.";
    const whole = await send(ask(prompt));
    const { chunks, text } = await collect(await send({ ...ask(prompt), stream: true }));
    assertNoUnknown(chunks, "stream chunks");
    assert.equal(text, whole.choices[0].message.content);
    assert.ok(chunks.length > 2, `expected several chunks, got ${chunks.length}`);
    for (const chunk of chunks) {
      assert.equal(chunk.object, "chat.completion.chunk");
      assert.equal(chunk.id, chunks[0].id);
      assert.equal(chunk.model, MODEL);
      assert.equal(chunk.error, undefined);
    }
    assertGenerationId(chunks[0].id);
    assert.equal(chunks[0].choices[0].delta.role, "assistant");
    assert.ok(chunks.some((c) => c.choices[0]?.finishReason === "stop"), "a chunk finishes with stop");
    const last = chunks.at(-1);
    assert.deepEqual(last.choices, []);
    assertSdkUsage(last.usage);
    assert.equal(last.usage.completionTokens, whole.usage.completionTokens);
  });

  test("keep-alive comments before a slow first token are skipped", async () => {
    await assertKeepAliveComments(SLOW_MODEL);
    const whole = await send({ ...ask("Hello"), model: SLOW_MODEL });
    const { chunks, text } = await collect(await send({ ...ask("Hello"), model: SLOW_MODEL, stream: true }));
    assertNoUnknown(chunks, "stream chunks");
    assert.equal(text, whole.choices[0].message.content);
    assertSdkUsage(chunks.at(-1).usage);
  });

  test("an upstream failure mid-stream ends with OpenRouter's error chunk", async () => {
    const { chunks, text } = await collect(await send({ ...ask("Hello"), model: BREAKING_MODEL, stream: true }));
    assertNoUnknown(chunks, "stream chunks");
    assert.equal(text.trim().split(" ").length, 3, `three tokens before the failure, got '${text}'`);
    const last = chunks.at(-1);
    assert.equal(last.choices[0].finishReason, "error");
    assert.equal(last.error.code, 502);
    assert.equal(typeof last.error.message, "string");
    assert.equal(last.error.metadata?.errorType, "provider_unavailable");
  });

  test("a streamed tool call arrives in pieces that join into parseable arguments", async () => {
    const { chunks } = await collect(await send(ask("Weather in Paris?", { tools: [WEATHER_TOOL], stream: true })));
    assertNoUnknown(chunks, "stream chunks");
    const calls = new Map();
    for (const chunk of chunks) {
      for (const d of chunk.choices[0]?.delta?.toolCalls ?? []) {
        const call = calls.get(d.index) ?? { arguments: "" };
        if (d.id) call.id = d.id;
        if (d.function?.name) call.name = d.function.name;
        call.arguments += d.function?.arguments ?? "";
        calls.set(d.index, call);
      }
    }
    assert.equal(calls.size, 1);
    const call = calls.get(0);
    assert.ok(call.id);
    assert.equal(call.name, "get_weather");
    assert.equal(typeof JSON.parse(call.arguments).city, "string");
    assert.ok(chunks.some((c) => c.choices[0]?.finishReason === "tool_calls"));
  });
});

describe("@openrouter/sdk: tool calls", () => {
  test("tools given → toolCalls with parseable arguments → the tool's result → a text answer", async () => {
    const messages = [{ role: "user", content: "What is the weather in Paris?" }];
    const first = await send({ model: MODEL, messages, tools: [WEATHER_TOOL], toolChoice: "auto" });
    assertNoUnknown(first, "ChatResult");
    const choice = first.choices[0];
    assert.equal(choice.finishReason, "tool_calls");
    assert.equal(choice.message.toolCalls.length, 1);
    const call = choice.message.toolCalls[0];
    assert.ok(call.id);
    assert.equal(call.type, "function");
    assert.equal(call.function.name, "get_weather");
    assert.equal(typeof JSON.parse(call.function.arguments).city, "string");
    assertSdkUsage(first.usage);

    messages.push({ role: "assistant", content: choice.message.content ?? null, toolCalls: choice.message.toolCalls });
    messages.push({ role: "tool", toolCallId: call.id, content: JSON.stringify({ temperature: 21, unit: "celsius" }) });
    const second = await send({ model: MODEL, messages, tools: [WEATHER_TOOL] });
    assertNoUnknown(second, "ChatResult");
    assert.equal(second.choices[0].finishReason, "stop");
    assert.equal(typeof second.choices[0].message.content, "string");
    assert.ok(second.choices[0].message.content.length > 0);
    assert.equal(second.choices[0].message.toolCalls, undefined);
  });
});

describe("@openrouter/sdk: errors", () => {
  test("an invalid request raises BadRequestResponseError with OpenRouter's message", async () => {
    await assert.rejects(send(ask("Hi", { temperature: 5 })), (err) => {
      assert.ok(err instanceof BadRequestResponseError, `expected BadRequestResponseError, got ${err?.constructor?.name}: ${err}`);
      assert.ok(err instanceof OpenRouterError);
      assert.equal(err.statusCode, 400);
      assert.equal(err.error.code, 400);
      assert.match(err.error.message, /temperature/);
      assert.equal(err.message, err.error.message);
      assert.equal(err.error.metadata?.error_type, "invalid_request");
      return true;
    });
  });

  test("an invalid streaming request fails before any chunk with the same class", async () => {
    await assert.rejects(send(ask("Hi", { temperature: 5, stream: true })), BadRequestResponseError);
  });

  test("an upstream 503 raises ServiceUnavailableResponseError, and 429 TooManyRequestsResponseError", async () => {
    await assert.rejects(send({ ...ask("Hi"), model: DOWN_MODEL }), (err) => {
      assert.ok(err instanceof ServiceUnavailableResponseError, `expected ServiceUnavailableResponseError, got ${err?.constructor?.name}: ${err}`);
      assert.equal(err.statusCode, 503);
      assert.equal(err.error.code, 503);
      return true;
    });
    await assert.rejects(send({ ...ask("Hi"), model: LIMITED_MODEL }), (err) => {
      assert.ok(err instanceof TooManyRequestsResponseError, `expected TooManyRequestsResponseError, got ${err?.constructor?.name}: ${err}`);
      assert.equal(err.statusCode, 429);
      return true;
    });
  });

  test("an unknown model is a 400, as on OpenRouter", async () => {
    await assert.rejects(send({ ...ask("Hi"), model: "nobody/no-such-model" }), (err) => {
      assert.ok(err instanceof BadRequestResponseError, `expected BadRequestResponseError, got ${err?.constructor?.name}: ${err}`);
      assert.match(err.error.message, /nobody\/no-such-model/);
      return true;
    });
  });
});
