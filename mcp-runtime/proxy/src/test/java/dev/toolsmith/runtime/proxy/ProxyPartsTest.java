package dev.toolsmith.runtime.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyPartsTest {
  @Test
  void challengesAreReadFromWwwAuthenticate_orApiGatewaysRemappedHeader() {
    HttpHeaders direct =
        HttpHeaders.of(
            Map.of(
                "WWW-Authenticate",
                List.of(
                    "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", scope=\"a b\"")),
            (name, value) -> true);
    HttpHeaders remapped =
        HttpHeaders.of(
            Map.of(
                "x-amzn-remapped-www-authenticate",
                List.of(
                    "Bearer error=\"insufficient_scope\", scope=\"messages:write\", error_description=\"needs \\\"write\\\"\"")),
            (name, value) -> true);

    assertThat(Challenge.of(direct).resourceMetadata())
        .isEqualTo("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
    assertThat(Challenge.of(direct).scope()).isEqualTo("a b");
    assertThat(Challenge.of(remapped).error()).isEqualTo("insufficient_scope");
    assertThat(Challenge.of(remapped).parameters())
        .containsEntry("error_description", "needs \"write\"");
    assertThat(Challenge.parse("Basic realm=\"x\"").parameters()).isEmpty();
    assertThat(Challenge.parse("Bearer realm=mcp").parameters()).containsEntry("realm", "mcp");
  }

  @Test
  void theClaudeDesktopEntryRunsThisJarWithTheSameOptions_andWritingKeepsOtherServers(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("Claude/claude_desktop_config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "{\"mcpServers\":{\"other\":{\"command\":\"npx\"}},\"theme\":\"dark\"}");
    ProxyOptions options =
        ProxyOptions.parse(
            new String[] {
              "claude-config",
              "board",
              "--client-id",
              "app",
              "--no-browser",
              "https://mcp.example.com/mcp",
              "--write",
              "--config-file",
              file.toString()
            });

    assertThat(
            ProxyMain.run(
                new String[] {
                  "claude-config",
                  "board",
                  "--client-id",
                  "app",
                  "--no-browser",
                  "https://mcp.example.com/mcp",
                  "--write",
                  "--config-file",
                  file.toString()
                }))
        .isZero();

    JsonNode config = Json.parse(Files.readAllBytes(file));
    assertThat(config.path("theme").asText()).isEqualTo("dark");
    assertThat(config.at("/mcpServers/other/command").asText()).isEqualTo("npx");
    JsonNode board = config.at("/mcpServers/board");
    assertThat(board.path("command").asText()).endsWith("/bin/java");
    List<String> args = new java.util.ArrayList<>();
    board.path("args").forEach(arg -> args.add(arg.asText()));
    assertThat(args.get(0)).isEqualTo("-jar");
    assertThat(args.subList(2, args.size()))
        .containsExactly("--client-id", "app", "--no-browser", "https://mcp.example.com/mcp");
    assertThat(options.write).isTrue();
  }

  @Test
  void aStaticAuthorizationHeaderIsRecognisedWhateverItsCase() {
    assertThat(
            ProxyOptions.parse(new String[] {"--header", "authorization: Bearer t", "https://x"})
                .hasHeader("Authorization"))
        .isTrue();
    assertThat(
            ProxyOptions.parse(new String[] {"--header", "X-Api-Key: k", "https://x"})
                .hasHeader("Authorization"))
        .isFalse();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> ProxyOptions.parse(new String[] {"--header", "no-colon", "https://x"}))
        .hasMessageContaining("Name: value");
    assertThatThrownBy(
            () -> ProxyOptions.parse(new String[] {"--callback-port", "eighty", "https://x"}))
        .hasMessageContaining("eighty");
    assertThatThrownBy(() -> ProxyOptions.parse(new String[] {"--client-id"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ProxyOptions.parse(new String[] {"--verbose", "https://x"}))
        .hasMessageContaining("--verbose");
  }
}
