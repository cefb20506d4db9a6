// Shared by the official-client scripts: where the gateway is, what it serves, and checks that
// both clients' results must pass.
import assert from "node:assert/strict";

/** The gateway's OpenRouter-style base URL, e.g. http://127.0.0.1:PORT/api/v1 (set by OfficialClientsTest). */
export const BASE_URL = process.env.OPENROUTER4J_GATEWAY_URL;
if (!BASE_URL) {
  throw new Error("OPENROUTER4J_GATEWAY_URL is not set: run these scripts through OfficialClientsTest, or point it at a gateway");
}

/** Models the test's gateway serves with the deterministic `simulated` provider (OfficialClientsTest.CONFIG). */
export const MODEL = "acme/chat";
export const OTHER_MODEL = "acme/small";
/** First token late enough that the gateway sends `: OPENROUTER PROCESSING` comments before it. */
export const SLOW_MODEL = "acme/slow";
/** Fails with a 502 after 3 tokens: OpenRouter's mid-stream error chunk, or an error beside partial content. */
export const BREAKING_MODEL = "acme/breaks";
/** Its only provider answers 503. */
export const DOWN_MODEL = "acme/down";
/** Its only provider answers 429. */
export const LIMITED_MODEL = "acme/limited";
/** An embedding model on the simulated provider: unit vectors that depend on the text alone, 1 USD per million input tokens. */
export const EMBEDDING_MODEL = "acme/embed";
export const EMBEDDING_PRICE_PER_TOKEN = 1 / 1e6;

export const API_KEY = "sk-or-test";

/** A function tool in the wire (OpenAI) shape. */
export const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a given city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["city"],
    },
  },
};

/**
 * Paths to every value the client could not recognise: @openrouter/sdk turns an unparseable union
 * member into {isUnknown: true, raw, <discriminator>: "UNKNOWN"}.
 */
export function findUnknown(value, path = "$", found = []) {
  if (value === null || typeof value !== "object") return found;
  if (value.isUnknown === true) found.push(path);
  for (const [k, v] of Object.entries(value)) {
    if (v === "UNKNOWN") found.push(`${path}.${k}`);
    findUnknown(v, `${path}.${k}`, found);
  }
  return found;
}

export function assertNoUnknown(value, what) {
  assert.deepEqual(findUnknown(value), [], `${what} has values the client did not recognise`);
}

/** The gateway's generation id: gen-<epoch seconds>-<20 characters>. */
export function assertGenerationId(id) {
  assert.match(id, /^gen-\d+-[A-Za-z0-9]{20}$/);
}

/** Usage with OpenRouter's cost, for a non-zero token count. */
export function assertUsageWithCost(usage, promptKey = "prompt_tokens", completionKey = "completion_tokens", totalKey = "total_tokens") {
  assert.ok(usage, "usage is present");
  assert.ok(usage[promptKey] > 0, `${promptKey} > 0`);
  assert.ok(usage[completionKey] > 0, `${completionKey} > 0`);
  assert.equal(usage[totalKey], usage[promptKey] + usage[completionKey]);
  assert.equal(typeof usage.cost, "number", "usage.cost is a number");
  assert.ok(usage.cost > 0, "usage.cost > 0 (the test's models are priced)");
}

/** The raw SSE body of a streamed chat request, read with plain fetch: what the clients parse. */
export async function rawStream(body) {
  const response = await fetch(`${BASE_URL}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type"), /^text\/event-stream/);
  return response.text();
}

/** Checks the premise of the keep-alive tests: the gateway sends comments before the slow model's first chunk. */
export async function assertKeepAliveComments(model) {
  const raw = await rawStream({ model, messages: [{ role: "user", content: "Hello" }] });
  assert.match(raw, /^: OPENROUTER PROCESSING\n\n/, "the stream starts with a keep-alive comment");
  assert.match(raw, /data: \[DONE\]\n\n$/, "the stream ends with [DONE]");
}

/**
 * Models in front of stand-in upstreams (OfficialClientsTest.CONFIG, StandInAnswers): each speaks
 * its provider's real wire format and answers one turn of a small weather conversation.
 * Prices are USD per million tokens, as configured.
 */
export const STAND_INS = [
  { model: "standin/gpt", upstream: "an OpenAI-compatible upstream", prompt: 1, completion: 2, countsReasoningTokens: true },
  // Anthropic's usage does not count thinking tokens apart from the rest
  { model: "standin/claude", upstream: "an Anthropic upstream", prompt: 3, completion: 15, countsReasoningTokens: false },
  // an upstream serving the Responses API itself (OpenRouter's /responses): requests pass through, answers are re-encoded
  { model: "standin/responses", upstream: "a Responses API upstream (passed through)", prompt: 1, completion: 2, countsReasoningTokens: true },
];

/** What the stand-ins say (StandInAnswers holds the same values). */
export const STAND_IN_TEXT = "The sea breathes slowly, and the salt wind folds the evening light.";
export const STAND_IN_CITY = "Paris";
export const STAND_IN_JSON = { city: "Paris", temperature: 21, conditions: "sunny" };
export const STAND_IN_INPUT_TOKENS = 42;
/** What the stand-ins think first when asked to reason (reasoning.effort). */
export const STAND_IN_THINKING = "The user wants the weather, so I should call the tool and report what it says.";
/** In a prompt: the stand-in streams this many words, then fails (OpenAI: a cut connection; Anthropic: overloaded_error). */
export const FAIL_MID_STREAM = "[fail mid-stream]";
export const WORDS_BEFORE_FAILURE = 3;
/** The first `n` words of a text as the stand-ins stream them (each with its trailing space). */
export const firstWords = (text, n) => text.split(/(?<= )/).slice(0, n).join("");
/** The stand-ins report one completion token per streamed piece: words, or 5-character runs of arguments. */
export const textTokens = (text) => text.split(/(?<= )/).length;
export const argumentTokens = (args) => Math.ceil(args.length / 5);
/** The stand-ins' answer to a get_weather result. */
export const weatherSentence = (city, output) => `The weather in ${city}: ${output}`;

/** The cost the gateway must charge for `input` and `output` tokens at a stand-in's prices. */
export function expectedCost(standIn, input, output) {
  return (input * standIn.prompt + output * standIn.completion) / 1e6;
}

/** A function tool in the Responses API's flat shape. */
export const RESPONSES_WEATHER_TOOL = {
  type: "function",
  name: "get_weather",
  description: "Get the current weather in a given city",
  parameters: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  },
  strict: true,
};

/** The JSON schema the structured-output scenarios ask for; STAND_IN_JSON fits it. */
export const WEATHER_SCHEMA = {
  type: "object",
  properties: {
    city: { type: "string" },
    temperature: { type: "number" },
    conditions: { type: "string" },
  },
  required: ["city", "temperature", "conditions"],
  additionalProperties: false,
};

/**
 * The event types of one streamed Responses answer with a single message or a single function
 * call, in the order the Open Responses specification gives them; deltas collapsed to one entry.
 */
export function collapseDeltas(types) {
  return types.filter((t, i) => !(t.endsWith(".delta") && types[i - 1] === t));
}
export const MESSAGE_EVENT_ORDER = [
  "response.created", "response.in_progress",
  "response.output_item.added", "response.content_part.added",
  "response.output_text.delta", "response.output_text.done",
  "response.content_part.done", "response.output_item.done",
  "response.completed",
];
/** A message cut short: the same events, ending in response.incomplete (max_output_tokens) or response.failed. */
export const endingIn = (terminal) => [...MESSAGE_EVENT_ORDER.slice(0, -1), terminal];
/** A reasoning item (one reasoning_text part), then a function call. */
export const REASONING_THEN_CALL_EVENT_ORDER = [
  "response.created", "response.in_progress",
  "response.output_item.added", "response.content_part.added",
  "response.reasoning_text.delta", "response.reasoning_text.done",
  "response.content_part.done", "response.output_item.done",
  "response.output_item.added",
  "response.function_call_arguments.delta", "response.function_call_arguments.done",
  "response.output_item.done",
  "response.completed",
];
export const FUNCTION_CALL_EVENT_ORDER = [
  "response.created", "response.in_progress",
  "response.output_item.added",
  "response.function_call_arguments.delta", "response.function_call_arguments.done",
  "response.output_item.done",
  "response.completed",
];

/** sequence_number counts up by one from the first event (0). */
export function assertSequenceNumbers(events, key = "sequence_number") {
  assert.deepEqual(events.map((e) => e[key]), events.map((_, i) => i), "sequence numbers count up by one from 0");
}
