package dev.toolsmith.examples.conformance;

import dev.toolsmith.annotations.McpEnumValue;
import dev.toolsmith.annotations.McpRequireAnyOf;
import dev.toolsmith.annotations.McpRequiredIf;
import dev.toolsmith.annotations.McpSchemaDef;
import dev.toolsmith.annotations.McpTool;
import java.util.Optional;

/**
 * The conformance suite's {@code json_schema_2020_12_tool}, written with annotations: a record
 * under {@code $defs} with an {@code $anchor}, a rule that needs one of two arguments ({@code
 * allOf} and {@code anyOf}), and one that depends on another's value ({@code if}/{@code
 * then}/{@code else}). The build passes {@code -Atoolsmith.declareSchemaDialect=true}, which adds
 * {@code $schema}.
 */
public class SchemaTools {
  /**
   * A postal address.
   *
   * @param street the street and number
   * @param city the city
   */
  @McpSchemaDef(name = "address", anchor = "addressDef")
  public record Address(Optional<String> street, Optional<String> city) {}

  /** How to reach a contact. */
  public enum ContactMethod {
    @McpEnumValue("phone")
    PHONE,
    @McpEnumValue("email")
    EMAIL
  }

  /**
   * Registers a contact reachable by phone or email, to show JSON Schema 2020-12 keywords survive.
   *
   * @param name the contact's name
   * @param address where the contact lives
   * @param contactMethod how the contact prefers to be reached
   * @param phone the contact's phone number
   * @param email the contact's email address
   */
  @McpTool(name = "json_schema_2020_12_tool", readOnly = true)
  @McpRequireAnyOf({"phone", "email"})
  @McpRequiredIf(param = "contactMethod", equals = "phone", then = "phone", otherwise = "email")
  public String register(
      Optional<String> name,
      Optional<Address> address,
      Optional<ContactMethod> contactMethod,
      Optional<String> phone,
      Optional<String> email) {
    return "Registered "
        + name.orElse("a contact")
        + " by "
        + contactMethod
            .orElse(phone.isPresent() ? ContactMethod.PHONE : ContactMethod.EMAIL)
            .name()
            .toLowerCase(java.util.Locale.ROOT);
  }
}
