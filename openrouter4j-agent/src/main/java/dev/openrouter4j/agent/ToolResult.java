package dev.openrouter4j.agent;

/**
 * What one tool call gave the model: {@code output} is the {@code function_call_output} sent back.
 * Nothing a tool does is thrown out of the loop; {@code error} keeps the exception for the caller.
 *
 * @param callId the model's call id
 * @param name the tool's name as the model called it
 * @param output the text sent to the model: the result, or {@code {"error": "..."}}
 * @param status how the call went
 * @param error what the tool threw, or the argument parse error; null otherwise
 */
public record ToolResult(String callId, String name, String output, Status status, Throwable error) {
  public enum Status {
    /** The tool ran and returned {@code output}. */
    SUCCESS,
    /** The tool threw {@code error}; the model read its message. */
    FAILED,
    /** The arguments did not fit the tool's record; the model read what was wrong, to retry. */
    INVALID_ARGUMENTS,
    /** The caller did not approve the call; the tool did not run. */
    DENIED,
    /** The model called a tool the agent does not have. */
    UNKNOWN_TOOL
  }

  public boolean succeeded() {
    return status == Status.SUCCESS;
  }
}
