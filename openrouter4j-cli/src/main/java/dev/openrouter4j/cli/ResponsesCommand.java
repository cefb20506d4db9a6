package dev.openrouter4j.cli;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesUsage;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.errors.OpenRouterException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openrouter4j responses}: one prompt through {@code POST /responses}, the answer on stdout. */
@Command(name = "responses", mixinStandardHelpOptions = true, description = "Send a prompt to the Responses API.")
final class ResponsesCommand implements Callable<Integer> {
  @Mixin ClientOptions options = new ClientOptions();

  @Option(names = {"-i", "--instructions"}, description = "Instructions (a system prompt) for the model.")
  String instructions;

  @Option(names = {"-t", "--temperature"}, description = "Sampling temperature, 0 to 2.")
  Double temperature;

  @Option(names = "--max-output-tokens", description = "The most tokens to generate.")
  Integer maxOutputTokens;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    ResponsesRequest request =
        ResponsesRequest.builder()
            .model(options.model())
            .instructions(instructions)
            .temperature(temperature)
            .maxOutputTokens(maxOutputTokens)
            .input(options.prompt(System.in))
            .build();
    try (OpenRouter client = options.client()) {
      if (options.noStream) {
        Response response = client.responses().send(request);
        out.println(response.text() == null ? "" : response.text());
        printUsage(response);
      } else {
        Response last = null;
        try (EventStream<StreamEvent> stream = client.responses().stream(request)) {
          for (StreamEvent event : stream) {
            if (event instanceof StreamEvent.OutputTextDelta delta && delta.delta() != null) {
              out.print(delta.delta());
              out.flush();
            } else if (event instanceof StreamEvent.Lifecycle lifecycle && lifecycle.terminal()) {
              last = lifecycle.response();
            }
          }
        }
        out.println();
        printUsage(last);
      }
      return 0;
    } catch (OpenRouterException e) {
      out.flush();
      return ClientOptions.report(e, err);
    }
  }

  private void printUsage(Response response) {
    if (!options.usage || response == null || response.usage() == null) return;
    ResponsesUsage u = response.usage();
    err.printf(
        "[%s] %d input + %d output tokens%s%n",
        response.model(),
        u.inputTokens(),
        u.outputTokens(),
        u.cost() == null ? "" : String.format(", $%.6f", u.cost()));
  }
}
