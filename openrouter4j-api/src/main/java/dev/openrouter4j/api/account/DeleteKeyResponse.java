package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/** {@code DELETE /keys/{hash}}: {@code {"deleted": true}}, without a {@code data} envelope. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteKeyResponse(Boolean deleted, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public DeleteKeyResponse {
    extra = Extras.normalize(extra);
  }
}
