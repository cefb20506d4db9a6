package dev.openrouter4j.cli;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.OpenRouterException;
import dev.openrouter4j.errors.StreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the chat and responses commands share: the prompt, the model, streaming and usage flags, a
 * client from the environment, and the mapping of failures to stderr and an exit code.
 */
final class ClientOptions {
  static final int EXIT_API_ERROR = 1;

  /** The model asked for when none is given; OpenRouter picks one for the prompt. */
  static final String DEFAULT_MODEL = "openrouter/auto";

  @Option(names = {"-m", "--model"}, description = "Model id (default: $OPENROUTER4J_MODEL or ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--no-stream", description = "Wait for the whole answer instead of streaming it.")
  boolean noStream;

  @Option(names = "--usage", description = "Print token usage and cost to standard error.")
  boolean usage;

  @Option(names = "--base-url", description = "API base URL (default: $OPENROUTER_BASE_URL or https://openrouter.ai/api/v1).")
  String baseUrl;

  @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "The prompt; read from standard input when absent or '-'.")
  List<String> prompt;

  String model() {
    if (model != null) return model;
    String env = System.getenv("OPENROUTER4J_MODEL");
    return env != null && !env.isBlank() ? env : DEFAULT_MODEL;
  }

  String prompt(InputStream stdin) throws IOException {
    if (prompt == null || prompt.isEmpty() || prompt.equals(List.of("-"))) {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    return String.join(" ", prompt);
  }

  OpenRouter client() {
    OpenRouter.Builder b = OpenRouter.builder().fromEnv().appTitle("openrouter4j-cli").appCategories("cli-agent");
    if (baseUrl != null) b.serverUrl(baseUrl);
    return b.build();
  }

  /** Prints an API failure the way a shell user wants it, and returns the exit code. */
  static int report(OpenRouterException e, PrintStream err) {
    if (e instanceof ApiException api) {
      String message = api.errorMessage() != null ? api.errorMessage() : api.rawBody();
      err.println("openrouter4j: HTTP " + api.statusCode() + ": " + message);
      Map<String, Object> md = api.metadata();
      if (md.get("provider_name") != null) err.println("  provider: " + md.get("provider_name"));
    } else if (e instanceof StreamException s) {
      err.println();
      err.println("openrouter4j: the stream failed" + (s.code() == null ? "" : " (" + s.code() + ")") + ": " + s.errorMessage());
    } else {
      err.println("openrouter4j: " + e.getMessage());
    }
    return EXIT_API_ERROR;
  }
}
