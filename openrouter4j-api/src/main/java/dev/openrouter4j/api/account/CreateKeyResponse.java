package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/**
 * {@code POST /keys} (201): the new key's description and, in {@code key}, the secret itself. This is
 * the only time the secret is returned: store it now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateKeyResponse(ApiKey data, String key, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public CreateKeyResponse {
    extra = Extras.normalize(extra);
  }

  /** Keeps the secret out of logs: only its first characters are shown. */
  @Override
  public String toString() {
    String shown = key == null ? "null" : key.substring(0, Math.min(key.length(), 12)) + "…";
    return "CreateKeyResponse[data=" + data + ", key=" + shown + ", extra=" + extra + "]";
  }
}
