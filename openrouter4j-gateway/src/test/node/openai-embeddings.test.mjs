// OpenAI's TypeScript client (openai), unmodified, against the gateway's embeddings: embeddings.create
// as the client sends it by default (encoding_format base64, which it decodes to floats itself),
// and with floats asked for; several inputs, dimensions, usage with OpenRouter's cost; the gateway's
// errors as the client's typed errors.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { API_KEY, BASE_URL, EMBEDDING_MODEL, EMBEDDING_PRICE_PER_TOKEN, assertGenerationId } from "./common.mjs";

const client = new OpenAI({ apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0, timeout: 20_000 });

const norm = (v) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe("openai embeddings.create against the gateway", () => {
  test("base64 (the client's default, decoded by it) and floats give the same unit vectors, one per input", async () => {
    const input = ["a cat", "a dog"];
    const decoded = await client.embeddings.create({ model: EMBEDDING_MODEL, input, dimensions: 12 });
    const floats = await client.embeddings.create({ model: EMBEDDING_MODEL, input, dimensions: 12, encoding_format: "float" });
    for (const answer of [decoded, floats]) {
      assertGenerationId(answer.id);
      assert.equal(answer.object, "list");
      assert.equal(answer.model, EMBEDDING_MODEL);
      assert.equal(answer.data.length, 2);
      // "a cat" and "a dog": 5 characters each, 2 tokens at 4 characters a token
      assert.equal(answer.usage.prompt_tokens, 4);
      assert.equal(answer.usage.total_tokens, 4);
      assert.ok(Math.abs(answer.usage.cost - 4 * EMBEDDING_PRICE_PER_TOKEN) < 1e-12, `usage.cost ${answer.usage.cost}`);
    }
    for (const [i, e] of decoded.data.entries()) {
      assert.equal(e.object, "embedding");
      assert.equal(e.index, i);
      assert.equal(e.embedding.length, 12);
      assert.ok(Math.abs(norm(e.embedding) - 1) < 1e-5, `norm ${norm(e.embedding)}`);
      e.embedding.forEach((x, j) => assert.ok(Math.abs(x - floats.data[i].embedding[j]) < 1e-6, `[${i}][${j}] ${x} vs ${floats.data[i].embedding[j]}`));
    }
    assert.notDeepEqual(decoded.data[0].embedding, decoded.data[1].embedding);
  });

  test("a bad request is the client's BadRequestError, with the field in OpenRouter's message", async () => {
    await assert.rejects(client.embeddings.create({ model: EMBEDDING_MODEL, input: "" }), (e) => {
      assert.ok(e instanceof OpenAI.BadRequestError, String(e));
      assert.equal(e.status, 400);
      assert.match(e.message, /input/);
      return true;
    });
  });

  test("a model the gateway does not serve is the client's BadRequestError, as OpenRouter answers it", async () => {
    await assert.rejects(client.embeddings.create({ model: "nobody/nothing", input: "a cat" }), (e) => {
      assert.ok(e instanceof OpenAI.BadRequestError, String(e));
      assert.equal(e.status, 400);
      assert.match(e.message, /not a valid model ID/);
      return true;
    });
  });
});
