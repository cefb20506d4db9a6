package dev.openrouter4j.agent;

import dev.openrouter4j.api.responses.ResponsesTool;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A function tool: a name, a description, a type for its arguments (usually a record) and the Java
 * code that runs it. The parameters schema is derived from the arguments type (see {@link
 * StructuredOutput} for the rules); the model's arguments are read into it before the handler runs.
 *
 * <pre>{@code
 * record Weather(String city) {}
 * Tool<Weather> weather = Tool.of("get_weather", "Current weather in a city", Weather.class,
 *     args -> Map.of("city", args.city(), "celsius", 21));
 * }</pre>
 *
 * <p>A call never throws into the loop: arguments that do not fit are sent back to the model as
 * the tool output, with what was wrong, so it can retry; an exception from the handler is sent back
 * as {@code {"error": "<message>"}}. Immutable and thread-safe if the handler is.
 */
public final class Tool<A> {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  /** The tool's code. May throw; the message goes to the model. */
  @FunctionalInterface
  public interface Handler<A> {
    /** Returns the result: a String is sent as is, anything else as JSON. */
    Object apply(A arguments) throws Exception;
  }

  private final String name;
  private final String description;
  private final Class<A> argumentsType;
  private final Handler<A> handler;
  private final Predicate<? super A> approval;
  private final boolean strict;

  private Tool(String name, String description, Class<A> argumentsType, Handler<A> handler, Predicate<? super A> approval, boolean strict) {
    this.name = name;
    this.description = description;
    this.argumentsType = argumentsType;
    this.handler = handler;
    this.approval = approval;
    this.strict = strict;
  }

  /**
   * A tool. {@code name}: 1 to 64 of {@code [a-zA-Z0-9_-]}. Strict (the model's arguments must match
   * the schema exactly) when the schema allows it, that is when the type has no {@code Map}.
   */
  public static <A> Tool<A> of(String name, String description, Class<A> argumentsType, Handler<A> handler) {
    Objects.requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a tool name is 1 to 64 of [a-zA-Z0-9_-], was '" + name + "'");
    }
    Objects.requireNonNull(argumentsType, "argumentsType == null");
    Objects.requireNonNull(handler, "handler == null");
    return new Tool<>(name, description, argumentsType, handler, null, Schemas.strictCompatible(Schemas.of(argumentsType)));
  }

  /** This tool, needing the caller's approval before every call: the loop pauses instead of running it. */
  public Tool<A> requiringApproval() {
    return requiringApproval(args -> true);
  }

  /** This tool, needing approval for the calls whose arguments match {@code when}. */
  public Tool<A> requiringApproval(Predicate<? super A> when) {
    return new Tool<>(name, description, argumentsType, handler, Objects.requireNonNull(when, "when == null"), strict);
  }

  /** This tool with {@code strict} set as given, e.g. false for a provider that rejects strict schemas. */
  public Tool<A> strict(boolean strict) {
    return new Tool<>(name, description, argumentsType, handler, approval, strict);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Class<A> argumentsType() {
    return argumentsType;
  }

  public boolean strict() {
    return strict;
  }

  /** The JSON Schema of the arguments. */
  public Map<String, Object> parametersSchema() {
    return Schemas.asMap(argumentsType);
  }

  /** The tool as a request declares it. */
  public ResponsesTool.Function definition() {
    return new ResponsesTool.Function(name, description, parametersSchema(), strict ? true : null, null, null);
  }

  /** Whether a call with these arguments waits for approval. Arguments that do not parse need none: they fail anyway. */
  public boolean needsApproval(String arguments) {
    if (approval == null) return false;
    try {
      return approval.test(TypedJson.read(arguments, argumentsType));
    } catch (TypedJson.MismatchException e) {
      return false;
    }
  }

  /** Runs one call: reads the arguments, runs the handler, and never throws an {@link Exception}. */
  public ToolResult call(String callId, String arguments) {
    A args;
    try {
      args = TypedJson.read(arguments == null || arguments.isBlank() ? "{}" : arguments, argumentsType);
    } catch (TypedJson.MismatchException e) {
      String message = "invalid arguments for " + name + ": " + e.getMessage();
      return new ToolResult(callId, name, TypedJson.error(message), ToolResult.Status.INVALID_ARGUMENTS, e);
    }
    Object result;
    try {
      result = handler.apply(args);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      return new ToolResult(callId, name, TypedJson.error(message), ToolResult.Status.FAILED, e);
    }
    try {
      return new ToolResult(callId, name, TypedJson.write(result), ToolResult.Status.SUCCESS, null);
    } catch (IllegalArgumentException e) {
      return new ToolResult(callId, name, TypedJson.error(e.getMessage()), ToolResult.Status.FAILED, e);
    }
  }

  @Override
  public String toString() {
    return "Tool[" + name + "(" + argumentsType.getSimpleName() + ")" + (approval != null ? ", needs approval" : "") + "]";
  }
}
