package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/generated-example.md} promises that its listings are exactly what the processor
 * writes; this keeps it so, comparing each listing with the fixture and the goldens.
 */
class GeneratedExampleDocTest {
  private static final Pattern LISTING = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

  @Test
  void listings_areTheFixtureAndWhatTheProcessorWritesForIt() {
    String doc = Fixtures.text("generated-example.md");
    assertThat(doc).as("docs/generated-example.md on the test classpath").isNotNull();
    List<String> listings = new ArrayList<>();
    Matcher matcher = LISTING.matcher(doc);
    while (matcher.find()) {
      listings.add(matcher.group(1));
    }
    assertThat(listings).hasSize(4);

    Compilation compilation = Fixtures.compile(Fixtures.good("com/acme/Weather.java"));
    assertThat(compilation).succeeded();
    assertThat(listings.get(0)).isEqualTo(Fixtures.text("good/com/acme/Weather.java"));
    assertThat(listings.get(1))
        .isEqualTo(Fixtures.generatedSource(compilation, "com.acme.Weather_McpTools"))
        .isEqualTo(Fixtures.text("expected/com.acme.Weather_McpTools.java"));
    assertThat(listings.get(2))
        .isEqualTo(
            Fixtures.generatedResource(compilation, "META-INF/toolsmith/com.acme.Weather.json"));
    assertThat(listings.get(3))
        .isEqualTo(
            Fixtures.generatedResource(
                compilation, "META-INF/services/dev.toolsmith.runtime.spi.ToolPack"));
  }
}
