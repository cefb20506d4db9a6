package dev.openrouter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the refusals: a started simulator runs until the process is killed. */
class SimulateCommandTest {
  @Test
  void aBadFaultIsAUsageErrorNamingTheOption() {
    assertRefused("fault:", "--fault", "explode");
  }

  @Test
  void aBadFaultRateIsAUsageErrorNamingTheOption() {
    assertRefused("fault_rate:", "--fault-rate", "2");
  }

  @Test
  void isRegisteredAsASubcommandOfMain() {
    assertTrue(new CommandLine(new Main()).getSubcommands().containsKey("simulate"));
  }

  private static void assertRefused(String message, String... args) {
    SimulateCommand command = new SimulateCommand();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = new CommandLine(command).execute(args);
    assertEquals(SimulateCommand.EXIT_USAGE, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(message), err.toString(StandardCharsets.UTF_8));
  }
}
