package com.acme;

import dev.toolsmith.annotations.McpEnumValue;
import dev.toolsmith.annotations.McpRequireAnyOf;
import dev.toolsmith.annotations.McpRequiredIf;
import dev.toolsmith.annotations.McpSchemaDef;
import dev.toolsmith.annotations.McpTool;
import java.util.Optional;

/** Contacts: a record under $defs, and rules across arguments. */
public class Contacts {
  /**
   * A postal address.
   *
   * @param street the street and number
   * @param city the city
   */
  @McpSchemaDef(name = "address", anchor = "addressDef")
  public record Address(Optional<String> street, Optional<String> city) {}

  /** How to reach someone. */
  public enum ContactMethod {
    @McpEnumValue("phone")
    PHONE,
    @McpEnumValue("email")
    EMAIL
  }

  /**
   * Saves a contact, reachable by phone or email.
   *
   * @param name the contact's name
   * @param address where they live
   * @param billing where invoices go
   * @param contactMethod how they prefer to be reached
   * @param phone their phone number
   * @param email their email address
   */
  @McpTool
  @McpRequireAnyOf({"phone", "email"})
  @McpRequiredIf(param = "contactMethod", equals = "phone", then = "phone", otherwise = "email")
  public String saveContact(
      Optional<String> name,
      Optional<Address> address,
      Optional<Address> billing,
      Optional<ContactMethod> contactMethod,
      Optional<String> phone,
      Optional<String> email) {
    return name.orElse("someone") + " via " + contactMethod.map(Enum::name).orElse("any");
  }
}
