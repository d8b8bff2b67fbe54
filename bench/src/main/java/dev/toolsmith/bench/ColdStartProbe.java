package dev.toolsmith.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What runs in each fresh JVM: construct the handler as Lambda would, answer a scenario's three
 * recorded API Gateway v2 events in order, and print a line the moment each response is complete,
 * so the parent can time it from process launch. Each response of a real contender is checked, so a
 * broken one cannot look fast; the floor's canned replies are only checked for status 200.
 *
 * <p>Events may carry {@code ${SESSION}}, replaced by the {@code Mcp-Session-Id} the first response
 * returned, as a client would send it.
 *
 * <p>Usage: {@code ColdStartProbe <handler class> <scenario> <check: true|false>}
 */
public final class ColdStartProbe {
  /** The three events of a scenario, in the order a client sends them. */
  static String[] events(String scenario) {
    return scenario.endsWith("-modern")
        ? new String[] {"server-discover", "tools-list", "tools-call"}
        : new String[] {"initialize", "tools-list", "tools-call"};
  }

  private static final Pattern SESSION_HEADER = Pattern.compile("\"Mcp-Session-Id\":\"([^\"]+)\"");

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    String scenario = args[1];
    boolean check = Boolean.parseBoolean(args[2]);
    String[] expected =
        switch (scenario) {
          case "toolbox" ->
              new String[] {
                "\\\"protocolVersion\\\":\\\"2025-11-25\\\"",
                "increment_counter",
                "\\\"text\\\":\\\"1\\\""
              };
          case "toolbox-modern" ->
              new String[] {"2026-07-28", "increment_counter", "\\\"text\\\":\\\"1\\\""};
          case "weather-modern" -> new String[] {"2026-07-28", "get_weather", "sunny and 72"};
          default ->
              new String[] {
                "\\\"protocolVersion\\\":\\\"2025-11-25\\\"", "get_weather", "sunny and 72"
              };
        };
    String[] events = events(scenario);
    // As the Lambda runtime does: load the handler class by name and call its no-argument
    // constructor.
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    String session = "none";
    for (int i = 0; i < events.length; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(event(scenario, events[i], session)), out, null);
      String response = out.toString(StandardCharsets.UTF_8);
      if (!response.contains("\"statusCode\":200") || (check && !response.contains(expected[i]))) {
        System.out.println("BAD " + events[i] + " " + response);
        System.exit(2);
      }
      Matcher id = SESSION_HEADER.matcher(response);
      if (id.find()) {
        session = id.group(1);
      }
      System.out.println("RESPONSE " + events[i]);
      System.out.flush();
    }
    // After the last response, so the counting costs nothing that was timed.
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println("STATS classes=" + classes + " rssKb=" + rssKb());
  }

  private static byte[] event(String scenario, String name, String session) throws IOException {
    try (InputStream in =
        ColdStartProbe.class.getResourceAsStream("/events/" + scenario + "/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${SESSION}", session)
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
