package dev.toolsmith.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.BearerHeader;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.http.Headers;

/**
 * Any {@code Authorization} value is read or refused with a 401 that never repeats it; only the
 * exact configured token, in its one spelling, gets in.
 */
class BearerTokenFuzzTest {
  private static final String TOKEN = "fuzz-token-0123456789";
  private static final BearerTokenAuthenticator AUTH =
      BearerTokenAuthenticator.builder()
          .sharedToken(TOKEN)
          .holder("alice", "alice-0123456789")
          .build();

  @FuzzTest(maxDuration = "30s")
  void anyAuthorizationHeader_isReadOrRefusedWithoutEchoingIt(String sent) {
    String value = sent == null ? "" : sent;
    BearerHeader header = BearerHeader.parse(value);
    if (header.ok() == (header.problem() != null)) {
      throw new AssertionError("A header is either read or refused: " + header);
    }
    AuthDecision decision =
        AUTH.authenticate(Headers.builder().add("Authorization", value).build());
    if (decision.allowed()) {
      if (!value.equalsIgnoreCase("Bearer " + TOKEN)
          && !value.substring(0, Math.min(7, value.length())).equalsIgnoreCase("Bearer ")) {
        throw new AssertionError("Let in without the token: " + value);
      }
      String token = value.substring(7);
      if (!token.equals(TOKEN) && !token.equals("alice-0123456789")) {
        throw new AssertionError("Let in with another spelling of a token: " + value);
      }
      return;
    }
    if (decision.status() != 401) {
      throw new AssertionError("A refusal is 401, got " + decision.status());
    }
    // Echoed text follows the input: with every letter and digit of the credentials shifted, an
    // echo shifts too, while words of the message's own template stay put.
    int space = value.indexOf(' ');
    String credentials = value.substring(space + 1);
    String shifted = value.substring(0, space + 1) + shift(credentials);
    AuthDecision other = AUTH.authenticate(Headers.builder().add("Authorization", shifted).build());
    if (credentials.length() >= 4
        && decision.message().contains(credentials)
        && !other.allowed()
        && other.message().contains(shift(credentials))) {
      throw new AssertionError("The refusal repeats what was sent: " + decision.message());
    }
  }

  private static String shift(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        out.append((char) ('a' + (c - 'a' + 1) % 26));
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) ('A' + (c - 'A' + 1) % 26));
      } else if (c >= '0' && c <= '9') {
        out.append((char) ('0' + (c - '0' + 1) % 10));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
