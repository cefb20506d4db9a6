package dev.openrouter4j.cli;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ChatUsage;
import dev.openrouter4j.errors.OpenRouterException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openrouter4j chat}: one prompt through {@code POST /chat/completions}, the answer on stdout. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Send a prompt to the chat completions API.")
final class ChatCommand implements Callable<Integer> {
  @Mixin ClientOptions options = new ClientOptions();

  @Option(names = {"-s", "--system"}, description = "A system message sent before the prompt.")
  String system;

  @Option(names = {"-t", "--temperature"}, description = "Sampling temperature, 0 to 2.")
  Double temperature;

  @Option(names = "--max-tokens", description = "The most tokens to generate.")
  Integer maxTokens;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    ChatRequest.Builder request = ChatRequest.builder().model(options.model()).temperature(temperature).maxTokens(maxTokens);
    if (system != null) request.addMessage(ChatMessage.system(system));
    request.addMessage(ChatMessage.user(options.prompt(System.in)));
    try (OpenRouter client = options.client()) {
      if (options.noStream) {
        ChatResult result = client.chat().send(request.build());
        out.println(result.text() == null ? "" : result.text());
        printUsage(result.usage(), result.model());
      } else {
        ChatUsage usage = null;
        String model = null;
        try (EventStream<ChatStreamChunk> stream = client.chat().stream(request.build())) {
          for (ChatStreamChunk chunk : stream) {
            if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta() != null) {
              String text = chunk.choices().get(0).delta().content();
              if (text != null) {
                out.print(text);
                out.flush();
              }
            }
            if (chunk.usage() != null) usage = chunk.usage();
            if (chunk.model() != null) model = chunk.model();
          }
        }
        out.println();
        printUsage(usage, model);
      }
      return 0;
    } catch (OpenRouterException e) {
      out.flush();
      return ClientOptions.report(e, err);
    }
  }

  private void printUsage(ChatUsage usage, String model) {
    if (!options.usage || usage == null) return;
    err.printf(
        "[%s] %d prompt + %d completion tokens%s%n",
        model,
        usage.promptTokens(),
        usage.completionTokens(),
        usage.cost() == null ? "" : String.format(", $%.6f", usage.cost()));
  }
}
