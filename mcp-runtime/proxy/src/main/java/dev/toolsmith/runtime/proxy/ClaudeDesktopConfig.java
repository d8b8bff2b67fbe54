package dev.toolsmith.runtime.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Claude Desktop configuration entry that starts this proxy: {@code command} is this JVM's
 * {@code java} and {@code args} run this jar with the same options, by absolute paths, because
 * Claude Desktop starts servers without the user's shell or {@code PATH}.
 */
final class ClaudeDesktopConfig {
  private ClaudeDesktopConfig() {}

  /** Returns {@code {"mcpServers": {name: entry}}}. */
  static ObjectNode entry(String name, List<String> proxyArgs) throws IOException {
    ObjectNode config = Json.object();
    ObjectNode server = config.putObject("mcpServers").putObject(name);
    server.put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ArrayNode args = server.putArray("args");
    args.add("-jar").add(thisJar().toString());
    proxyArgs.forEach(args::add);
    return config;
  }

  /**
   * Adds or replaces the entry in a configuration file, keeping everything else in it.
   *
   * @return the file written
   */
  static Path write(ObjectNode entry, Path file) throws IOException {
    ObjectNode config = Json.object();
    if (Files.exists(file)) {
      JsonNode existing = Json.parse(Files.readAllBytes(file));
      if (!existing.isObject()) {
        throw new IOException(file + " is not a JSON object; fix or move it first");
      }
      config = (ObjectNode) existing;
    }
    JsonNode servers = config.get("mcpServers");
    ObjectNode target =
        servers instanceof ObjectNode object ? object : config.putObject("mcpServers");
    for (Map.Entry<String, JsonNode> field : entry.path("mcpServers").properties()) {
      target.set(field.getKey(), field.getValue());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, Json.toPrettyString(config) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** Returns where Claude Desktop reads its configuration on this operating system. */
  static Path defaultFile() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String home = System.getProperty("user.home");
    if (os.contains("mac")) {
      return Path.of(
          home, "Library", "Application Support", "Claude", "claude_desktop_config.json");
    }
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return Path.of(appData != null ? appData : home, "Claude", "claude_desktop_config.json");
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    return Path.of(
        xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(),
        "Claude",
        "claude_desktop_config.json");
  }

  private static Path thisJar() throws IOException {
    try {
      return Path.of(
              ClaudeDesktopConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException | SecurityException e) {
      throw new IOException("Could not tell where this jar is", e);
    }
  }
}
