package dev.toolsmith.examples.weather;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of one of this example's Dockerfiles, as the image tests run them without a
 * Docker engine: its {@code ENV} variables, its {@code RUN} step and its exec-form {@code
 * ENTRYPOINT} and {@code CMD}. Only the forms these Dockerfiles use are read; anything else fails
 * the test that asks for it rather than being guessed at.
 */
final class DockerfileInstructions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))");

  private final List<String> instructions;

  private DockerfileInstructions(List<String> instructions) {
    this.instructions = instructions;
  }

  /** Reads a Dockerfile, leaving out comments and blank lines. */
  static DockerfileInstructions read(String file) {
    try {
      return new DockerfileInstructions(
          Files.readAllLines(Path.of(file)).stream()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns every instruction, in order. */
  List<String> all() {
    return instructions;
  }

  /** Returns the variables every {@code ENV} instruction sets, double quotes removed. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String instruction : withKeyword("ENV")) {
      Matcher pair = ENV_PAIR.matcher(instruction);
      while (pair.find()) {
        env.put(pair.group(1), pair.group(2) != null ? pair.group(2) : pair.group(3));
      }
    }
    return env;
  }

  /** Returns the words of the one {@code RUN} instruction, split at spaces. */
  List<String> run() {
    List<String> runs = withKeyword("RUN");
    if (runs.size() != 1) {
      throw new IllegalStateException("Expected one RUN instruction, found " + runs);
    }
    return new ArrayList<>(List.of(runs.get(0).split("\\s+")));
  }

  /** Returns an exec-form (JSON array) {@code ENTRYPOINT} or {@code CMD}, or an empty list. */
  List<String> exec(String keyword) {
    List<String> words = new ArrayList<>();
    for (String instruction : withKeyword(keyword)) {
      words.clear();
      try {
        for (JsonNode word : JSON.readTree(instruction)) {
          words.add(word.asText());
        }
      } catch (IOException e) {
        throw new IllegalStateException(keyword + " is not in exec form: " + instruction, e);
      }
    }
    return words;
  }

  /** Returns the argument text of each instruction with this keyword, such as {@code COPY}. */
  List<String> withKeyword(String keyword) {
    return instructions.stream()
        .filter(instruction -> instruction.startsWith(keyword + " "))
        .map(instruction -> instruction.substring(keyword.length() + 1).trim())
        .toList();
  }
}
