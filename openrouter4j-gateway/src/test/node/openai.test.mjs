// The `openai` client library, unmodified, against the gateway: chat completions, streaming and
// not, its own stream and tool-runner helpers, and its error classes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import {
  API_KEY, BASE_URL, BREAKING_MODEL, DOWN_MODEL, LIMITED_MODEL, MODEL, OTHER_MODEL, SLOW_MODEL, WEATHER_TOOL,
  assertGenerationId, assertKeepAliveComments, assertUsageWithCost,
} from "./common.mjs";

const client = new OpenAI({ apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0, timeout: 20_000 });

const ask = (prompt, extra = {}) => ({ model: MODEL, messages: [{ role: "user", content: prompt }], ...extra });

/** Chunks of a streamed `create`, and the text their deltas add up to. */
async function collect(stream) {
  const chunks = [];
  let text = "";
  for await (const chunk of stream) {
    chunks.push(chunk);
    for (const c of chunk.choices) text += c.delta?.content ?? "";
  }
  return { chunks, text };
}

describe("openai: chat.completions.create", () => {
  test("a completion has text, a gen- id, the requested model and usage with cost", async () => {
    const completion = await client.chat.completions.create(ask("What is the capital of France?"));
    assertGenerationId(completion.id);
    assert.equal(completion.object, "chat.completion");
    assert.equal(completion.model, MODEL);
    assert.equal(typeof completion.created, "number");
    assert.equal(completion.choices.length, 1);
    const choice = completion.choices[0];
    assert.equal(choice.index, 0);
    assert.equal(choice.finish_reason, "stop");
    assert.equal(choice.message.role, "assistant");
    assert.equal(typeof choice.message.content, "string");
    assert.ok(choice.message.content.length > 0);
    assertUsageWithCost(completion.usage);
  });

  test("the same request gets the same text (the simulated model is deterministic)", async () => {
    const a = await client.chat.completions.create(ask("Say something"));
    const b = await client.chat.completions.create(ask("Say something"));
    assert.equal(a.choices[0].message.content, b.choices[0].message.content);
    assert.notEqual(a.id, b.id);
  });

  test("the model asked for is the one that answers", async () => {
    const completion = await client.chat.completions.create({ ...ask("Hi"), model: OTHER_MODEL });
    assert.equal(completion.model, OTHER_MODEL);
  });

  test("a failure after some output keeps the partial text with finish_reason error", async () => {
    const result = await client.chat.completions.create({ ...ask("Hello"), model: BREAKING_MODEL });
    assert.equal(result.choices[0].finish_reason, "error");
    assert.equal(result.choices[0].message.content.trim().split(" ").length, 3);
    assert.equal(result.error.code, 502, "OpenRouter's error beside the partial output");
  });

  test("max_tokens cuts the answer with finish_reason length", async () => {
    const completion = await client.chat.completions.create(ask("Hi", { max_tokens: 2 }));
    assert.equal(completion.choices[0].finish_reason, "length");
    assert.equal(completion.usage.completion_tokens, 2);
  });
});

describe("openai: streaming", () => {
  test("the deltas add up to the non-streamed text, and the last chunk carries usage with cost", async () => {
    const prompt = "Write a haiku about the sea.";
    const whole = await client.chat.completions.create(ask(prompt));
    const { chunks, text } = await collect(await client.chat.completions.create({ ...ask(prompt), stream: true }));
    assert.equal(text, whole.choices[0].message.content);
    assert.ok(chunks.length > 2, `expected several chunks, got ${chunks.length}`);
    for (const chunk of chunks) {
      assert.equal(chunk.object, "chat.completion.chunk");
      assert.equal(chunk.id, chunks[0].id);
      assert.equal(chunk.model, MODEL);
    }
    assertGenerationId(chunks[0].id);
    assert.equal(chunks[0].choices[0].delta.role, "assistant");
    assert.ok(chunks.some((c) => c.choices[0]?.finish_reason === "stop"), "a chunk finishes with stop");
    const last = chunks.at(-1);
    assert.deepEqual(last.choices, []);
    assertUsageWithCost(last.usage);
    assert.deepEqual(last.usage.completion_tokens, whole.usage.completion_tokens);
  });

  test("keep-alive comments before a slow first token are skipped", async () => {
    await assertKeepAliveComments(SLOW_MODEL);
    const whole = await client.chat.completions.create({ ...ask("Hello"), model: SLOW_MODEL });
    const { chunks, text } = await collect(await client.chat.completions.create({ ...ask("Hello"), model: SLOW_MODEL, stream: true }));
    assert.equal(text, whole.choices[0].message.content);
    assertUsageWithCost(chunks.at(-1).usage);
  });

  test("an upstream failure mid-stream raises APIError with OpenRouter's message after the first chunks", async () => {
    const stream = await client.chat.completions.create({ ...ask("Hello"), model: BREAKING_MODEL, stream: true });
    let text = "";
    await assert.rejects(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      })(),
      (err) => {
        assert.ok(err instanceof OpenAI.APIError, `expected APIError, got ${err?.constructor?.name}: ${err}`);
        assert.equal(err.error.code, 502);
        assert.equal(err.message, err.error.message);
        assert.ok(err.message.length > 0);
        return true;
      });
    assert.equal(text.trim().split(" ").length, 3, `three tokens before the failure, got '${text}'`);
    await assert.rejects(
      client.chat.completions.stream({ ...ask("Hello"), model: BREAKING_MODEL }).finalChatCompletion(), OpenAI.APIError);
  });

  test("stream_options.include_usage is accepted", async () => {
    const { chunks } = await collect(
      await client.chat.completions.create({ ...ask("Hello"), stream: true, stream_options: { include_usage: true } }));
    assertUsageWithCost(chunks.at(-1).usage);
  });

  test("the client's stream() helper emits content events and assembles the final completion", async () => {
    const prompt = "Tell me a story.";
    const whole = await client.chat.completions.create(ask(prompt));
    const stream = client.chat.completions.stream(ask(prompt));
    let deltas = "";
    let snapshot = "";
    stream.on("content", (delta, snap) => {
      deltas += delta;
      snapshot = snap;
    });
    const final = await stream.finalChatCompletion();
    assert.equal(deltas, whole.choices[0].message.content);
    assert.equal(snapshot, deltas);
    assert.equal(final.choices[0].message.content, whole.choices[0].message.content);
    assert.equal(final.choices[0].finish_reason, "stop");
    assert.equal(final.model, MODEL);
    assertGenerationId(final.id);
    assertUsageWithCost(final.usage);
    assert.equal(await stream.finalContent(), whole.choices[0].message.content);
  });

  test("the stream() helper assembles a streamed tool call", async () => {
    const stream = client.chat.completions.stream(ask("Weather in Paris?", { tools: [WEATHER_TOOL] }));
    const done = [];
    stream.on("tool_calls.function.arguments.done", (e) => done.push(e));
    const final = await stream.finalChatCompletion();
    const choice = final.choices[0];
    assert.equal(choice.finish_reason, "tool_calls");
    assert.equal(choice.message.tool_calls.length, 1);
    const call = choice.message.tool_calls[0];
    assert.equal(call.type, "function");
    assert.equal(call.function.name, "get_weather");
    assert.equal(typeof JSON.parse(call.function.arguments).city, "string");
    assert.equal(done.length, 1);
    assert.equal(done[0].name, "get_weather");
    assert.equal(done[0].arguments, call.function.arguments);
  });
});

describe("openai: tool calls", () => {
  test("tools given → tool_calls with parseable arguments → the tool's result → a text answer", async () => {
    const messages = [{ role: "user", content: "What is the weather in Paris?" }];
    const first = await client.chat.completions.create({ model: MODEL, messages, tools: [WEATHER_TOOL] });
    const choice = first.choices[0];
    assert.equal(choice.finish_reason, "tool_calls");
    assert.equal(choice.message.role, "assistant");
    assert.equal(choice.message.tool_calls.length, 1);
    const call = choice.message.tool_calls[0];
    assert.ok(call.id, "the call has an id");
    assert.equal(call.type, "function");
    assert.equal(call.function.name, "get_weather");
    const args = JSON.parse(call.function.arguments);
    assert.equal(typeof args.city, "string");
    assertUsageWithCost(first.usage);

    messages.push(choice.message);
    messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify({ temperature: 21, unit: "celsius" }) });
    const second = await client.chat.completions.create({ model: MODEL, messages, tools: [WEATHER_TOOL] });
    assert.equal(second.choices[0].finish_reason, "stop");
    assert.equal(typeof second.choices[0].message.content, "string");
    assert.ok(second.choices[0].message.content.length > 0);
    assert.equal(second.choices[0].message.tool_calls, undefined);
  });

  test("tool_choice none answers with text even when tools are given", async () => {
    const completion = await client.chat.completions.create(ask("Weather?", { tools: [WEATHER_TOOL], tool_choice: "none" }));
    assert.equal(completion.choices[0].finish_reason, "stop");
    assert.ok(completion.choices[0].message.content.length > 0);
  });

  test("the client's runTools() helper runs the whole loop", async () => {
    const seen = [];
    const runner = client.chat.completions.runTools({
      model: MODEL,
      messages: [{ role: "user", content: "What is the weather in Paris?" }],
      tools: [{
        type: "function",
        function: {
          ...WEATHER_TOOL.function,
          parse: JSON.parse,
          function: (args) => {
            seen.push(args);
            return { temperature: 21 };
          },
        },
      }],
    });
    const content = await runner.finalContent();
    assert.equal(seen.length, 1);
    assert.equal(typeof seen[0].city, "string");
    assert.equal(typeof content, "string");
    assert.ok(content.length > 0);
    assert.equal(runner.allChatCompletions().length, 2);
  });
});

describe("openai: errors", () => {
  test("an invalid request raises BadRequestError with OpenRouter's message", async () => {
    await assert.rejects(client.chat.completions.create(ask("Hi", { temperature: 5 })), (err) => {
      assert.ok(err instanceof OpenAI.BadRequestError, `expected BadRequestError, got ${err?.constructor?.name}: ${err}`);
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 400);
      assert.equal(err.error.code, 400);
      assert.match(err.error.message, /temperature/);
      assert.equal(err.message, `400 ${err.error.message}`);
      assert.equal(err.error.metadata?.error_type, "invalid_request");
      return true;
    });
  });

  test("an invalid streaming request fails before any chunk with the same class", async () => {
    await assert.rejects(client.chat.completions.create(ask("Hi", { temperature: 5, stream: true })), OpenAI.BadRequestError);
  });

  test("an upstream 503 raises InternalServerError, and 429 RateLimitError", async () => {
    await assert.rejects(client.chat.completions.create({ ...ask("Hi"), model: DOWN_MODEL }), (err) => {
      assert.ok(err instanceof OpenAI.InternalServerError, `expected InternalServerError, got ${err?.constructor?.name}: ${err}`);
      assert.equal(err.status, 503);
      assert.equal(err.error.code, 503);
      return true;
    });
    await assert.rejects(client.chat.completions.create({ ...ask("Hi"), model: LIMITED_MODEL }), (err) => {
      assert.ok(err instanceof OpenAI.RateLimitError, `expected RateLimitError, got ${err?.constructor?.name}: ${err}`);
      assert.equal(err.status, 429);
      assert.equal(err.error.metadata?.error_type, "rate_limit_exceeded");
      return true;
    });
  });

  test("an unknown model is a 400, as on OpenRouter", async () => {
    await assert.rejects(client.chat.completions.create({ ...ask("Hi"), model: "nobody/no-such-model" }), (err) => {
      assert.ok(err instanceof OpenAI.BadRequestError, `expected BadRequestError, got ${err?.constructor?.name}: ${err}`);
      assert.match(err.error.message, /nobody\/no-such-model/);
      return true;
    });
  });
});
