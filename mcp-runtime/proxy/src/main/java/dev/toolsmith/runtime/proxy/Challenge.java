package dev.toolsmith.runtime.proxy;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code WWW-Authenticate: Bearer ...} challenge's parameters ({@code resource_metadata}, {@code
 * scope}, {@code error}). API Gateway and Lambda Function URLs rename a function's {@code
 * WWW-Authenticate} header to {@code x-amzn-remapped-www-authenticate}, so that is read when the
 * first is absent.
 */
record Challenge(Map<String, String> parameters) {

  /** Returns the challenge of a response, empty when it has none. */
  static Challenge of(HttpHeaders headers) {
    String value =
        headers
            .firstValue("WWW-Authenticate")
            .or(() -> headers.firstValue("x-amzn-remapped-www-authenticate"))
            .orElse("");
    return parse(value);
  }

  /** Parses {@code Bearer name="value", name=token, ...}; other schemes give an empty challenge. */
  static Challenge parse(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String value = header.trim();
    if (!value.regionMatches(true, 0, "Bearer", 0, 6)) {
      return new Challenge(parameters);
    }
    int i = 6;
    while (i < value.length()) {
      while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == ',')) {
        i++;
      }
      int equals = value.indexOf('=', i);
      if (equals < 0) {
        break;
      }
      String name = value.substring(i, equals).trim().toLowerCase(Locale.ROOT);
      i = equals + 1;
      StringBuilder parameter = new StringBuilder();
      if (i < value.length() && value.charAt(i) == '"') {
        i++;
        while (i < value.length() && value.charAt(i) != '"') {
          if (value.charAt(i) == '\\' && i + 1 < value.length()) {
            i++;
          }
          parameter.append(value.charAt(i++));
        }
        i++;
      } else {
        while (i < value.length() && value.charAt(i) != ',') {
          parameter.append(value.charAt(i++));
        }
      }
      parameters.put(name, parameter.toString().trim());
    }
    return new Challenge(parameters);
  }

  String resourceMetadata() {
    return parameters.get("resource_metadata");
  }

  String scope() {
    return parameters.get("scope");
  }

  String error() {
    return parameters.get("error");
  }
}
