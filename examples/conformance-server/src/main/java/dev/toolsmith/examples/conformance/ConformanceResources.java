package dev.toolsmith.examples.conformance;

import dev.toolsmith.annotations.McpResource;

/** The conformance suite's resource fixtures. */
public class ConformanceResources {

  /** A static text resource. */
  @McpResource(uri = "test://static-text", name = "static_text")
  public String staticText() {
    return "This is the content of the static text resource.";
  }

  /** A static binary resource: a PNG image. */
  @McpResource(uri = "test://static-binary", name = "static_binary", mimeType = "image/png")
  public byte[] staticBinary() {
    return Samples.PNG;
  }

  /**
   * A resource clients subscribe to; a stateless server accepts the subscription but never pushes
   * updates.
   */
  @McpResource(uri = "test://watched-resource", name = "watched_resource")
  public String watchedResource() {
    return "This resource is watched.";
  }

  /**
   * Data for an id, from a URI template.
   *
   * @param id the id in the URI
   */
  @McpResource(
      uri = "test://template/{id}/data",
      name = "template_data",
      mimeType = "application/json")
  public String templateData(String id) {
    return "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
  }
}
