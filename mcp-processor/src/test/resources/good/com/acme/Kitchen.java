package com.acme;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.ToolResult;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Every supported type and every kind of result, one tool each, all static. */
// The kitchen sink exercises types, not descriptions.
@SuppressWarnings({"ToolsmithMissingDescription", "ToolsmithMissingParamDescription"})
public final class Kitchen {
  private Kitchen() {}

  /** Every scalar once. */
  @McpTool
  public static String scalars(boolean flag, byte b, short s, int i, long l, float f, double d, char c,
      Boolean boxedFlag, Integer boxedInt, String text, BigDecimal amount, BigInteger big, UUID id, URI link,
      Instant at, LocalDate day, LocalDateTime local, OffsetDateTime offset, Duration wait, byte[] blob, JsonNode any) {
    return flag + " " + b + " " + s + " " + i + " " + l + " " + f + " " + d + " " + c + " " + boxedFlag + " " + boxedInt
        + " " + text + " " + amount + " " + big + " " + id + " " + link + " " + at + " " + day + " " + local + " "
        + offset + " " + wait + " " + blob.length + " " + any;
  }

  /** Containers of every shape. */
  @McpTool
  public static int containers(int[] counts, String[] names, List<String> list, Set<Integer> unique,
      Collection<Double> values, @Size(min = 1, max = 3) Map<String, Long> totals, OptionalInt maybeInt,
      OptionalLong maybeLong, OptionalDouble maybeDouble) {
    return counts.length + names.length + list.size() + unique.size() + values.size() + totals.size()
        + maybeInt.orElse(0) + (int) maybeLong.orElse(0) + (int) maybeDouble.orElse(0);
  }

  @McpTool
  public static BigDecimal price(@DecimalMin(value = "0", inclusive = false) @DecimalMax("9999.99") BigDecimal amount,
      @Positive long quantity) {
    return amount.multiply(BigDecimal.valueOf(quantity));
  }

  @McpTool
  public static void forget(String key) {}

  @McpTool
  public static ToolResult picture() {
    return ToolResult.of(Content.text("A pixel:"), Content.image(new byte[] {1, 2, 3}, "image/png"));
  }

  @McpTool
  public static CompletionStage<String> later(String text) {
    return CompletableFuture.supplyAsync(() -> text.toUpperCase(java.util.Locale.ROOT));
  }

  @McpTool
  public static JsonNode echo(JsonNode value) {
    return value;
  }

  @McpTool
  public static String whoami(Context lambda) {
    return lambda == null ? "not on Lambda" : lambda.getFunctionName();
  }
}
