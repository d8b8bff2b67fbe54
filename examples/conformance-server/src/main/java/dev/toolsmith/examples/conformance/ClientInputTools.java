package dev.toolsmith.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.RequestContext;

/**
 * The suite's fixtures that ask the client for input in the middle of a call. The same code serves
 * both eras: a handshake-era client answers a server-to-client request on the call's held stream, a
 * 2026-07-28 client answers by sending the call again.
 */
public class ClientInputTools {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Asks the client's model to answer a prompt, and returns its answer.
   *
   * @param prompt the prompt to send to the model
   */
  @McpTool(name = "test_sampling")
  public String sampling(String prompt, RequestContext context) {
    JsonNode answer = context.inputs().get(InputRequest.sampling("sampling", prompt, 100));
    return "LLM response: " + answer.path("content").path("text").asText();
  }

  /**
   * Asks the user for a username and an email address, and returns what they answered.
   *
   * @param message the message to show the user
   */
  @McpTool(name = "test_elicitation")
  public String elicitation(String message, RequestContext context) {
    ObjectNode schema = form();
    field(schema, "username", "string").put("description", "User's response");
    field(schema, "email", "string").put("description", "User's email address");
    schema.putArray("required").add("username").add("email");
    JsonNode answer = context.inputs().get(InputRequest.elicitation("user_info", message, schema));
    return "User response: action="
        + answer.path("action").asText()
        + ", content="
        + content(answer);
  }

  /** Asks for a form whose every field has a default value (SEP-1034). */
  @McpTool(name = "test_elicitation_sep1034_defaults")
  public String elicitationDefaults(RequestContext context) {
    ObjectNode schema = form();
    field(schema, "name", "string").put("default", "John Doe");
    field(schema, "age", "integer").put("default", 30);
    field(schema, "score", "number").put("default", 95.5);
    ObjectNode status = field(schema, "status", "string");
    status.putArray("enum").add("active").add("inactive").add("pending");
    status.put("default", "active");
    field(schema, "verified", "boolean").put("default", true);
    return completed(
        context.inputs().get(InputRequest.elicitation("defaults", "Confirm your details", schema)));
  }

  /** Asks for a form with each of the five enum shapes (SEP-1330). */
  @McpTool(name = "test_elicitation_sep1330_enums")
  public String elicitationEnums(RequestContext context) {
    ObjectNode schema = form();
    field(schema, "untitledSingle", "string")
        .putArray("enum")
        .add("option1")
        .add("option2")
        .add("option3");
    titled(field(schema, "titledSingle", "string").putArray("oneOf"), "Option");
    ObjectNode legacy = field(schema, "legacyEnum", "string");
    legacy.putArray("enum").add("opt1").add("opt2").add("opt3");
    legacy.putArray("enumNames").add("Option One").add("Option Two").add("Option Three");
    field(schema, "untitledMulti", "array")
        .putObject("items")
        .put("type", "string")
        .putArray("enum")
        .add("option1")
        .add("option2")
        .add("option3");
    titled(field(schema, "titledMulti", "array").putObject("items").putArray("anyOf"), "Choice");
    return completed(
        context.inputs().get(InputRequest.elicitation("enums", "Pick your options", schema)));
  }

  private static ObjectNode form() {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    schema.putObject("properties");
    return schema;
  }

  private static ObjectNode field(ObjectNode schema, String name, String type) {
    return ((ObjectNode) schema.get("properties")).putObject(name).put("type", type);
  }

  private static void titled(ArrayNode choices, String noun) {
    String[] ordinals = {"First", "Second", "Third"};
    for (int i = 0; i < ordinals.length; i++) {
      choices.addObject().put("const", "value" + (i + 1)).put("title", ordinals[i] + " " + noun);
    }
  }

  private static String completed(JsonNode answer) {
    return "Elicitation completed: action="
        + answer.path("action").asText()
        + ", content="
        + content(answer);
  }

  private static String content(JsonNode answer) {
    JsonNode content = answer.get("content");
    return content == null ? "{}" : content.toString();
  }
}
