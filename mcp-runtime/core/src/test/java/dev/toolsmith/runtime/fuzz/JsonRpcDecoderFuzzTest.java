package dev.toolsmith.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import java.io.IOException;

/**
 * Any bytes are either a JSON-RPC message or refused with the parse or shape error the client is
 * told; nothing else may escape (run with {@code JAZZER_FUZZ=1} to fuzz, see docs/security.md).
 */
class JsonRpcDecoderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void bytes_decodeOrAreRefusedCleanly(byte[] input) {
    try {
      JsonRpcMessage.decode(Json.parse(input));
    } catch (IOException | ProtocolException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("A refusal must say what was wrong", expected);
      }
    }
  }
}
