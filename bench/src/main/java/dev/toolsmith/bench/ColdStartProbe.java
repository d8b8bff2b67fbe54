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

/**
 * What runs in each fresh JVM: construct the handler as Lambda would, answer the three recorded
 * API Gateway v2 events in order, and print a line the moment each response is complete, so the
 * parent can time it from process launch. Each response is checked, so a broken contender cannot
 * look fast.
 */
public final class ColdStartProbe {
  static final String[] EVENTS = {"initialize", "tools-list", "tools-call"};
  private static final String[] EXPECTED = {"\\\"protocolVersion\\\":\\\"2025-11-25\\\"", "get_weather", "sunny and 72"};

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    // As the Lambda runtime does: load the handler class by name and call its no-argument constructor.
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    for (int i = 0; i < EVENTS.length; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event(EVENTS[i])), out, null);
      String response = out.toString(StandardCharsets.UTF_8);
      if (!response.contains(EXPECTED[i]) || !response.contains("\"statusCode\":200")) {
        System.out.println("BAD " + EVENTS[i] + " " + response);
        System.exit(2);
      }
      System.out.println("RESPONSE " + EVENTS[i]);
      System.out.flush();
    }
    // After the last response, so the counting costs nothing that was timed.
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println("STATS classes=" + classes + " rssKb=" + rssKb());
  }

  private static byte[] event(String name) throws IOException {
    try (InputStream in = ColdStartProbe.class.getResourceAsStream("/events/" + name + ".json")) {
      return in.readAllBytes();
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
