package dev.toolsmith.runtime.internal.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text, as OAuth token requests and redirect query
 * strings carry it: UTF-8, order kept, a name without {@code =} read as an empty value.
 */
public final class FormData {
  private FormData() {}

  /** Encodes names and values, in order. */
  public static String encode(Map<String, String> values) {
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, String> value : values.entrySet()) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(value.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  /** Decodes a form body or raw query string; {@code null} gives an empty map. */
  public static Map<String, String> decode(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      values.put(
          name,
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
