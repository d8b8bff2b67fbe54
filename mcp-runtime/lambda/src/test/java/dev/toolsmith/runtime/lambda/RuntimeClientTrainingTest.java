package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime-client half of archive training refuses what it cannot serve; the whole run, through
 * the real runtime interface client, is {@code LambdaImageIT} in the weather example (the client
 * reads its address from the environment, which a test JVM cannot set for itself).
 */
class RuntimeClientTrainingTest {

  @Test
  void isNotRequested_withoutARuntimeApiAddress() {
    assertThat(RuntimeClientTraining.requested(null)).isFalse();
    assertThat(RuntimeClientTraining.requested(" ")).isFalse();
  }

  @Test
  void refusesAnAddressThatIsNotLoopback_sayingWhatToSetInstead() {
    for (String address : List.of("192.0.2.1:9001", "127.0.0.1", "127.0.0.1:port", ":9001")) {
      assertThatThrownBy(
              () -> RuntimeClientTraining.train(address, "com.example.Handler", List.of()))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "AWS_LAMBDA_RUNTIME_API is '"
                  + address
                  + "'; the training serves the Runtime API itself, so name a free loopback"
                  + " address such as 127.0.0.1:9001");
    }
  }
}
