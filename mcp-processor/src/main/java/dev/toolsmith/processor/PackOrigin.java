package dev.toolsmith.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Where a compilation's packs come from, as every generated pack and index records it: the
 * coordinates the build passed in {@value #COORDINATES_OPTION} (empty when it passed none), the
 * processor's version and the SPI level the code is written for. A server logs them for each pack
 * it loads, so "which version of which pack is this?" has an answer in production.
 */
record PackOrigin(String coordinates, String processorVersion) {
  /**
   * The processor option that names the pack's Maven coordinates, {@code group:artifact:version}.
   */
  static final String COORDINATES_OPTION = "toolsmith.packCoordinates";

  /** This processor's version, from the {@code processor.properties} the build filters. */
  static final String PROCESSOR_VERSION = readVersion();

  static PackOrigin of(ProcessingEnvironment environment) {
    String coordinates = environment.getOptions().get(COORDINATES_OPTION);
    return new PackOrigin(coordinates == null ? "" : coordinates.strip(), PROCESSOR_VERSION);
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = PackOrigin.class.getResourceAsStream("processor.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
