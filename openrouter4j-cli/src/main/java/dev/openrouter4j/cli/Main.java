package dev.openrouter4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code openrouter4j}: the command line. Each subcommand is one class. */
@Command(
    name = "openrouter4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "The OpenRouter API from the command line.",
    subcommands = {
      ChatCommand.class,
      ResponsesCommand.class,
      ServeCommand.class,
      SimulateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"openrouter4j " + dev.openrouter4j.OpenRouter.VERSION};
    }
  }
}
