package dev.openrouter4j.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.BadGatewayException;
import dev.openrouter4j.errors.BadRequestException;
import dev.openrouter4j.errors.EdgeNetworkTimeoutException;
import dev.openrouter4j.errors.ForbiddenException;
import dev.openrouter4j.errors.InternalServerException;
import dev.openrouter4j.errors.NotFoundException;
import dev.openrouter4j.errors.PayloadTooLargeException;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.errors.ProviderOverloadedException;
import dev.openrouter4j.errors.RequestTimeoutException;
import dev.openrouter4j.errors.ServiceUnavailableException;
import dev.openrouter4j.errors.TooManyRequestsException;
import dev.openrouter4j.errors.UnauthorizedException;
import dev.openrouter4j.errors.UnprocessableEntityException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns a non-2xx response into the exception for its status. Never fails on a strange body. */
public final class ErrorMapper {
  private ErrorMapper() {}

  public static ApiException map(int status, HttpHeaders headers, byte[] bodyBytes) {
    String raw = new String(bodyBytes, StandardCharsets.UTF_8);
    Integer code = null;
    String message = null;
    Map<String, Object> metadata = null;
    String userId = null;
    try {
      JsonNode root = Json.mapper().readTree(raw);
      JsonNode error = root == null ? null : root.get("error");
      if (error != null && error.isObject()) {
        JsonNode c = error.get("code");
        if (c != null && c.canConvertToInt()) code = c.asInt();
        JsonNode m = error.get("message");
        if (m != null && m.isTextual()) message = m.asText();
        JsonNode md = error.get("metadata");
        if (md != null && md.isObject()) metadata = Json.mapper().convertValue(md, Json.MAP_TYPE);
      } else if (error != null && error.isTextual()) {
        message = error.asText();
      }
      JsonNode u = root == null ? null : root.get("user_id");
      if (u != null && u.isTextual()) userId = u.asText();
    } catch (Exception notJson) {
      // keep the raw body; the message says what status came back
    }
    return switch (status) {
      case 400 -> new BadRequestException(code, message, metadata, userId, raw, headers);
      case 401 -> new UnauthorizedException(code, message, metadata, userId, raw, headers);
      case 402 -> new PaymentRequiredException(code, message, metadata, userId, raw, headers);
      case 403 -> new ForbiddenException(code, message, metadata, userId, raw, headers);
      case 404 -> new NotFoundException(code, message, metadata, userId, raw, headers);
      case 408 -> new RequestTimeoutException(code, message, metadata, userId, raw, headers);
      case 413 -> new PayloadTooLargeException(code, message, metadata, userId, raw, headers);
      case 422 -> new UnprocessableEntityException(code, message, metadata, userId, raw, headers);
      case 429 -> new TooManyRequestsException(code, message, metadata, userId, raw, headers);
      case 500 -> new InternalServerException(code, message, metadata, userId, raw, headers);
      case 502 -> new BadGatewayException(code, message, metadata, userId, raw, headers);
      case 503 -> new ServiceUnavailableException(code, message, metadata, userId, raw, headers);
      case 524 -> new EdgeNetworkTimeoutException(code, message, metadata, userId, raw, headers);
      case 529 -> new ProviderOverloadedException(code, message, metadata, userId, raw, headers);
      default -> new ApiException(status, code, message, metadata, userId, raw, headers);
    };
  }
}
