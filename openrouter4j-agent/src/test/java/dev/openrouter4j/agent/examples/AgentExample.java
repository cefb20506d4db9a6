package dev.openrouter4j.agent.examples;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.agent.Agent;
import dev.openrouter4j.agent.AgentResult;
import dev.openrouter4j.agent.Tool;

/**
 * The README's "An agent with Java tools", compiled with the build. {@code AgentExampleTest} checks
 * that the README block is the code between the markers, and runs it against a scripted server.
 */
public final class AgentExample {
  private AgentExample() {}

  public static AgentResult run(OpenRouter openRouter) {
    // README:agent
    record City(String name) {}
    record Weather(String city, int celsius, String sky) {}
    record Celsius(double degrees) {}

    Tool<City> weather = Tool.of("get_weather", "The current weather in a city", City.class,
        city -> new Weather(city.name(), 21, "sunny"));
    Tool<Celsius> toFahrenheit = Tool.of("to_fahrenheit", "Converts Celsius to Fahrenheit", Celsius.class,
        c -> c.degrees() * 9 / 5 + 32);

    Agent agent = Agent.builder(openRouter)
        .model("openai/gpt-4o-mini")
        .instructions("Answer in one sentence.")
        .tools(weather, toFahrenheit)
        .build();

    AgentResult result = agent.run("How warm is it in Lisbon, in Fahrenheit?");
    System.out.println(result.text());
    System.out.println(result.steps().size() + " steps, " + result.usage().totalTokens() + " tokens, $" + result.usage().cost());
    // README:end
    return result;
  }
}
