package dev.openrouter4j.errors;

/** A request broke a documented limit and was not sent. {@link #field()} names the field. */
public final class RequestValidationException extends OpenRouterException {
  private final String field;

  public RequestValidationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
