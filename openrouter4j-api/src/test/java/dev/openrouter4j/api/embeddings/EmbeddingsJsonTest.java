package dev.openrouter4j.api.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ContentPart;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingsJsonTest {

  static String write(Object value) throws Exception {
    return Json.mapper().writeValueAsString(value);
  }

  @Test
  void everyInputShapeIsWrittenAndReadBackAsItself() throws Exception {
    List<String> shapes =
        List.of(
            "\"one text\"",
            "[\"a\",\"b\"]",
            "[1,2,3]",
            "[[1,2],[3]]",
            "[{\"content\":[{\"type\":\"text\",\"text\":\"a cat\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/cat.png\"}}]}]",
            "[]");
    for (String json : shapes) {
      EmbeddingsInput input = Json.mapper().readValue(json, EmbeddingsInput.class);
      assertEquals(json, write(input), json);
    }
    EmbeddingsInput multimodal = Json.mapper().readValue(shapes.get(4), EmbeddingsInput.class);
    assertEquals(ContentPart.text("a cat"), multimodal.items().get(0).content().get(0));
    assertEquals(List.of(List.of(1, 2), List.of(3)), Json.mapper().readValue(shapes.get(3), EmbeddingsInput.class).tokenBatches());
    assertThrows(Exception.class, () -> Json.mapper().readValue("{\"x\":1}", EmbeddingsInput.class));
    assertThrows(IllegalArgumentException.class, () -> new EmbeddingsInput("a", List.of("b"), null, null, null));
  }

  @Test
  void theRequestExampleOfTheSpec() throws Exception {
    EmbeddingsRequest request =
        EmbeddingsRequest.builder()
            .model("openai/text-embedding-3-small")
            .input("The quick brown fox jumps over the lazy dog")
            .dimensions(1536)
            .encodingFormat(EmbeddingsRequest.EncodingFormat.BASE64)
            .build();
    assertEquals(
        "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"The quick brown fox jumps over the lazy dog\","
            + "\"encoding_format\":\"base64\",\"dimensions\":1536}",
        write(request));
    assertEquals(request, Json.mapper().readValue(write(request), EmbeddingsRequest.class));
  }

  @Test
  void aVectorIsFloatsOrBase64OfLittleEndianFloat32s() throws Exception {
    ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2.25f);
    String base64 = Base64.getEncoder().encodeToString(bytes.array());
    Embedding.Vector encoded = Json.mapper().readValue("\"" + base64 + "\"", Embedding.Vector.class);
    assertArrayEquals(new float[] {0.5f, -2.25f}, encoded.toFloatArray());
    assertEquals("\"" + base64 + "\"", write(encoded));
    Embedding.Vector floats = Json.mapper().readValue("[0.5,-2.25]", Embedding.Vector.class);
    assertArrayEquals(new float[] {0.5f, -2.25f}, floats.toFloatArray());
    assertEquals("[0.5,-2.25]", write(floats));
  }
}
