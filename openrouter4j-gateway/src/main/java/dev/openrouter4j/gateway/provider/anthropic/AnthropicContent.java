package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ContentPart;
import dev.openrouter4j.api.chat.MessageContent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Chat content (a string or parts) as Messages API content blocks: {@code text}, {@code image} and
 * {@code document}. Empty text is dropped because Anthropic rejects empty text blocks.
 */
final class AnthropicContent {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AnthropicContent() {}

  static ArrayNode blocks(MessageContent content) {
    ArrayNode out = JSON.arrayNode();
    if (content == null) return out;
    if (content.isString()) {
      addText(out, content.text(), null);
      return out;
    }
    for (ContentPart part : content.parts()) {
      switch (part) {
        case ContentPart.TextPart t -> addText(out, t.text(), t.cacheControl());
        case ContentPart.ImagePart i -> out.add(image(i.imageUrl() == null ? null : i.imageUrl().url()));
        case ContentPart.FilePart f -> out.add(document(f.file()));
        default -> throw AnthropicErrors.unsupported("content parts of type " + part.type());
      }
    }
    return out;
  }

  static void addText(ArrayNode out, String text, CacheControl cacheControl) {
    if (text == null || text.isEmpty()) return;
    ObjectNode block = out.addObject().put("type", "text").put("text", text);
    if (cacheControl != null) block.set("cache_control", Json.mapper().valueToTree(cacheControl));
  }

  private static ObjectNode image(String url) {
    ObjectNode block = JSON.objectNode().put("type", "image");
    if (isHttp(url)) {
      block.putObject("source").put("type", "url").put("url", url);
      return block;
    }
    DataUrl data = DataUrl.parse(url);
    if (data == null || !data.base64()) throw AnthropicErrors.unsupported("images other than http(s) URLs and base64 data URLs");
    block.putObject("source").put("type", "base64").put("media_type", data.mediaType()).put("data", data.data());
    return block;
  }

  /** PDFs (and plain text) by data URL; a URL is taken to be a PDF, as Anthropic's url source assumes. */
  private static ObjectNode document(ContentPart.FileData file) {
    String url = file == null ? null : file.fileData();
    ObjectNode block = JSON.objectNode().put("type", "document");
    DataUrl data = DataUrl.parse(url);
    if (isHttp(url)) {
      block.putObject("source").put("type", "url").put("url", url);
    } else if (data != null && data.base64() && data.mediaType().equals("application/pdf")) {
      block.putObject("source").put("type", "base64").put("media_type", "application/pdf").put("data", data.data());
    } else if (data != null && data.base64() && data.mediaType().equals("text/plain")) {
      String text = new String(Base64.getMimeDecoder().decode(data.data()), StandardCharsets.UTF_8);
      block.putObject("source").put("type", "text").put("media_type", "text/plain").put("data", text);
    } else {
      throw AnthropicErrors.unsupported("files other than base64 PDF or plain-text data URLs and http(s) URLs");
    }
    // The filename is the only description of the document the model gets.
    if (file.filename() != null) block.put("title", file.filename());
    return block;
  }

  private static boolean isHttp(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }

  /** {@code data:<media type>[;params][;base64],<data>}; null when {@code url} is not a data URL. */
  record DataUrl(String mediaType, boolean base64, String data) {
    static DataUrl parse(String url) {
      if (url == null || !url.startsWith("data:")) return null;
      int comma = url.indexOf(',');
      if (comma < 0) return null;
      String[] meta = url.substring(5, comma).split(";");
      boolean base64 = meta.length > 1 && meta[meta.length - 1].equalsIgnoreCase("base64");
      String mediaType = meta[0].isEmpty() ? "text/plain" : meta[0].toLowerCase(Locale.ROOT);
      return new DataUrl(mediaType, base64, url.substring(comma + 1));
    }
  }
}
