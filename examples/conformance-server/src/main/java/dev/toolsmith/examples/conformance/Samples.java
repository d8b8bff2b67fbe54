package dev.toolsmith.examples.conformance;

import java.util.Base64;

/** The small binary samples the fixtures return: a 1×1 PNG and a silent WAV. */
final class Samples {
  /** A 1×1 transparent PNG. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  /** A WAV file of one silent 8-bit sample at 8 kHz. */
  static final byte[] WAV =
      Base64.getDecoder().decode("UklGRiUAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQEAAACA");

  private Samples() {}
}
