package dev.openrouter4j.gateway.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.embeddings.EmbeddingsUsage;
import dev.openrouter4j.gateway.account.Cost;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.provider.UpstreamException;
import java.io.IOException;

/**
 * An upstream's embeddings answer (OpenAI's format) as the client gets it: the gateway's generation
 * id, {@code "object":"list"}, the upstream's {@code data} as its bytes came (vectors can be
 * megabytes of numbers: copied, never parsed into doubles and printed again), the model the client
 * asked for, and the usage with this endpoint's cost. Every other upstream key is dropped.
 *
 * @param promptTokens what the upstream reported, else the request's estimate
 */
record EmbeddingsAnswer(byte[] body, long promptTokens, Cost cost) {
  private static final JsonFactory JSON = Json.mapper().getFactory();

  /**
   * Reads {@code upstream} in one streaming pass. An answer without a {@code data} array of {@code
   * inputs} embeddings is not the answer asked for: the upstream's fault (502, retryable, so the next
   * endpoint is tried), with the upstream's own error message when it sent one.
   */
  static EmbeddingsAnswer of(byte[] upstream, int inputs, String id, String model, Pricing pricing, long estimatedPromptTokens) {
    long dataStart = -1;
    long dataEnd = -1;
    int embeddings = 0;
    long promptTokens = -1;
    Double reportedCost = null;
    String error = null;
    try (JsonParser p = JSON.createParser(upstream)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw invalid("not a JSON object");
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        if (name.equals("data") && value == JsonToken.START_ARRAY) {
          dataStart = p.currentTokenLocation().getByteOffset();
          for (JsonToken item; (item = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (item == null) throw invalid("the data array does not end");
            embeddings++;
            p.skipChildren();
          }
          dataEnd = p.currentLocation().getByteOffset();
        } else if (name.equals("error") && value == JsonToken.START_OBJECT) {
          String field;
          while ((field = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_STRING && field.equals("message")) error = p.getText();
            else p.skipChildren();
          }
        } else if (name.equals("usage") && value == JsonToken.START_OBJECT) {
          String field;
          while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (field.equals("prompt_tokens") && v == JsonToken.VALUE_NUMBER_INT) promptTokens = p.getLongValue();
            else if (field.equals("cost") && v.isNumeric()) reportedCost = p.getDoubleValue();
            else p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw invalid(e.getMessage());
    }
    if (dataStart < 0) throw invalid(error != null ? "no data array, and the error: " + error : "no data array");
    if (embeddings != inputs) throw invalid(embeddings + " embeddings for " + inputs + (inputs == 1 ? " input" : " inputs"));
    long tokens = Math.min(Integer.MAX_VALUE, promptTokens >= 0 ? promptTokens : estimatedPromptTokens);
    Cost cost = Cost.ofEmbedding(pricing, tokens, reportedCost);
    EmbeddingsUsage usage = new EmbeddingsUsage((int) tokens, (int) tokens, cost.total(), false, Generation.costDetails(cost), null, null);
    try {
      ByteArrayBuilder out = new ByteArrayBuilder((int) (dataEnd - dataStart) + 256);
      out.write(ascii("{\"id\":"));
      out.write(Json.mapper().writeValueAsBytes(id));
      out.write(ascii(",\"object\":\"list\",\"data\":"));
      out.write(upstream, (int) dataStart, (int) (dataEnd - dataStart));
      out.write(ascii(",\"model\":"));
      out.write(Json.mapper().writeValueAsBytes(model));
      out.write(ascii(",\"usage\":"));
      out.write(Json.mapper().writeValueAsBytes(usage));
      out.write('}');
      return new EmbeddingsAnswer(out.toByteArray(), tokens, cost);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static UpstreamException invalid(String why) {
    return new UpstreamException(502, "upstream answered with an invalid embeddings body: " + why, "provider_unavailable", true, -1, null);
  }
}
