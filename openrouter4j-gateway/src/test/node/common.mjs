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
