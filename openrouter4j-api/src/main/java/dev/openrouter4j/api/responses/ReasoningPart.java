package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One entry of a reasoning item's {@code summary[]} ({@code {type:"summary_text", text}}) or
 * {@code content[]} ({@code {type:"reasoning_text", text}}). Both have the same shape, so one
 * record with the type kept as sent serves both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReasoningPart(String type, String text, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public static final String SUMMARY_TEXT = "summary_text";
  public static final String REASONING_TEXT = "reasoning_text";

  public static ReasoningPart summaryText(String text) {
    return new ReasoningPart(SUMMARY_TEXT, text, null);
  }

  public static ReasoningPart reasoningText(String text) {
    return new ReasoningPart(REASONING_TEXT, text, null);
  }
}
