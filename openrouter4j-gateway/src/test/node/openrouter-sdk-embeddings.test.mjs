// OpenRouter's own TypeScript SDK (@openrouter/sdk), unmodified, against the gateway's embeddings:
// embeddings.generate with floats and with base64, embeddings.listModels, and its error class for a
// model the gateway does not serve. Every result is checked for values its zod schemas did not recognise.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { OpenRouter } from "@openrouter/sdk";
import { BadRequestResponseError } from "@openrouter/sdk/models/errors";
import { API_KEY, BASE_URL, EMBEDDING_MODEL, EMBEDDING_PRICE_PER_TOKEN, MODEL, assertGenerationId, assertNoUnknown } from "./common.mjs";

const openRouter = new OpenRouter({ apiKey: API_KEY, serverURL: BASE_URL, retryConfig: { strategy: "none" }, timeoutMs: 20_000 });

const generate = (requestBody) => openRouter.embeddings.generate({ requestBody });
const norm = (v) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe("@openrouter/sdk embeddings against the gateway", () => {
  test("generate gives one unit vector per input, with usage and cost; base64 holds the same floats", async () => {
    const floats = await generate({ model: EMBEDDING_MODEL, input: ["a cat", "a dog"], dimensions: 12 });
    assertNoUnknown(floats, "the embeddings answer");
    assert.equal(typeof floats, "object", "a JSON answer, not the SSE string variant");
    assertGenerationId(floats.id);
    assert.equal(floats.object, "list");
    assert.equal(floats.model, EMBEDDING_MODEL);
    assert.equal(floats.data.length, 2);
    for (const [i, e] of floats.data.entries()) {
      assert.equal(e.index, i);
      assert.equal(e.embedding.length, 12);
      assert.ok(Math.abs(norm(e.embedding) - 1) < 1e-5);
    }
    assert.equal(floats.usage.promptTokens, 4);
    assert.equal(floats.usage.totalTokens, 4);
    assert.ok(Math.abs(floats.usage.cost - 4 * EMBEDDING_PRICE_PER_TOKEN) < 1e-12, `usage.cost ${floats.usage.cost}`);

    const base64 = await generate({ model: EMBEDDING_MODEL, input: ["a cat", "a dog"], dimensions: 12, encodingFormat: "base64" });
    assertNoUnknown(base64, "the base64 embeddings answer");
    for (const [i, e] of base64.data.entries()) {
      assert.equal(typeof e.embedding, "string");
      const bytes = Buffer.from(e.embedding, "base64");
      const decoded = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      assert.equal(decoded.length, 12);
      decoded.forEach((x, j) => assert.ok(Math.abs(x - floats.data[i].embedding[j]) < 1e-6, `[${i}][${j}]`));
    }
  });

  test("listModels lists the embedding models, and only those", async () => {
    const page = await openRouter.embeddings.listModels();
    const ids = page.result.data.map((m) => m.id);
    assert.deepEqual(ids, [EMBEDDING_MODEL]);
    assert.ok(!ids.includes(MODEL));
    assert.deepEqual(page.result.data[0].architecture.outputModalities, ["embeddings"]);
    assertNoUnknown(page.result, "the embedding models");
  });

  test("a model the gateway does not serve raises BadRequestResponseError with OpenRouter's message", async () => {
    await assert.rejects(generate({ model: "nobody/nothing", input: "a cat" }), (err) => {
      assert.ok(err instanceof BadRequestResponseError, `expected BadRequestResponseError, got ${err?.constructor?.name}: ${err}`);
      assert.equal(err.statusCode, 400);
      assert.match(err.error.message, /not a valid model ID/);
      return true;
    });
  });
});
