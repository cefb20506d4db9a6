package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code logprobs} of a choice: {@code {content: TokenLogprob[]|null, refusal?: TokenLogprob[]|null}}.
 * {@code content} is required-but-nullable, so it is always written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChoiceLogprobs(
    @JsonInclude(JsonInclude.Include.ALWAYS) List<TokenLogprob> content, List<TokenLogprob> refusal) {}
