package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ResourceNotFoundException;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.ResourceCall;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every resource and resource template the server serves, with the pack that reads each, and the
 * reading itself: a URI is looked up as a static resource first, then matched against the templates
 * in list order.
 */
public final class ResourceRegistry {
  private final List<ResourceDescriptor> resources = new ArrayList<>();
  private final List<ResourceDescriptor> templates = new ArrayList<>();
  private final Map<String, ToolPack> packsByUri = new HashMap<>();
  private final Map<String, ResourceDescriptor> descriptorsByKey = new HashMap<>();
  private final List<UriTemplate> matchers = new ArrayList<>();
  private final List<ToolPack> templatePacks = new ArrayList<>();

  /**
   * Returns a registry of the packs' resources.
   *
   * @throws IllegalArgumentException when two packs declare the same URI or URI template
   */
  public ResourceRegistry(List<ToolPack> packs) {
    Map<String, ToolPack> templateOwners = new HashMap<>();
    for (ToolPack pack : packs) {
      for (ResourceDescriptor resource : pack.resources()) {
        ToolPack previous =
            resource.isTemplate()
                ? templateOwners.putIfAbsent(resource.uri(), pack)
                : packsByUri.putIfAbsent(resource.uri(), pack);
        if (previous != null) {
          throw new IllegalArgumentException(
              "Resource "
                  + resource.uri()
                  + " is declared by both "
                  + previous.getClass().getName()
                  + " and "
                  + pack.getClass().getName()
                  + "; URIs must be unique in a server.");
        }
        descriptorsByKey.put(resource.uri(), resource);
        if (resource.isTemplate()) {
          templates.add(resource);
          matchers.add(new UriTemplate(resource.uri()));
          templatePacks.add(pack);
        } else {
          resources.add(resource);
        }
      }
    }
  }

  /** Returns whether there are no resources and no templates. */
  public boolean isEmpty() {
    return resources.isEmpty() && templates.isEmpty();
  }

  /** Returns the pack that declares a URI template, or {@code null}. */
  ToolPack packForTemplate(String uriTemplate) {
    for (int i = 0; i < templates.size(); i++) {
      if (templates.get(i).uri().equals(uriTemplate)) {
        return templatePacks.get(i);
      }
    }
    return null;
  }

  /**
   * Checks that a URI names a resource or fits a template, for {@code resources/subscribe}.
   *
   * @throws ProtocolException -32002 when it names nothing
   */
  void requireKnown(String uri) {
    if (packsByUri.containsKey(uri)) {
      return;
    }
    for (UriTemplate matcher : matchers) {
      if (matcher.match(uri) != null) {
        return;
      }
    }
    throw notFound(uri, "No resource has the URI '" + uri + "'.", false);
  }

  Paging.Page<ResourceDescriptor> resourcePage(String cursor, int pageSize) {
    return Paging.page("resources", resources, cursor, pageSize);
  }

  Paging.Page<ResourceDescriptor> templatePage(String cursor, int pageSize) {
    return Paging.page("resources/templates", templates, cursor, pageSize);
  }

  /**
   * Reads a resource.
   *
   * @param modern whether the client speaks 2026-07-28, which changed the not-found error
   * @throws ProtocolException resource-not-found for its era, -32602 for a URI whose variables do
   *     not convert, -32603 naming an error id when the resource method fails
   */
  Read read(String uri, CallContext context, boolean modern) {
    ToolPack pack = packsByUri.get(uri);
    String key = uri;
    Map<String, String> variables = Map.of();
    if (pack == null) {
      for (int i = 0; i < matchers.size() && pack == null; i++) {
        Map<String, String> matched = matchers.get(i).match(uri);
        if (matched != null) {
          pack = templatePacks.get(i);
          key = matchers.get(i).text();
          variables = matched;
        }
      }
    }
    if (pack == null) {
      throw notFound(
          uri,
          "No resource has the URI '"
              + uri
              + "'. resources/list and resources/templates/list show what "
              + "this server has.",
          modern);
    }
    InsufficientScopeException.check(
        "Resource", uri, descriptorsByKey.get(key).requiredScopes(), context.identity());
    List<ResourceContents> contents;
    try {
      contents = pack.read(key, ResourceCall.of(uri, variables, context));
    } catch (ResourceNotFoundException e) {
      throw notFound(uri, e.getMessage(), modern);
    } catch (InvalidArgumentsException e) {
      throw ProtocolException.invalidParams(
          "The URI '"
              + uri
              + "' does not fit the resource template "
              + key
              + ":\n"
              + e.getMessage());
    } catch (ProtocolException e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError e) {
      throw InternalErrors.protocolError("Reading resource '" + uri + "'", e);
    }
    if (contents == null || contents.isEmpty()) {
      throw notFound(uri, "The resource '" + uri + "' has no contents.", modern);
    }
    return new Read(contents, descriptorsByKey.get(key));
  }

  /** What a read returned, and the resource (or template) that answered it, for its cache hints. */
  record Read(List<ResourceContents> contents, ResourceDescriptor resource) {}

  /**
   * Resource not found: -32002 before 2026-07-28, -32602 from it on; both carry {@code data.uri}.
   */
  static ProtocolException notFound(String uri, String message, boolean modern) {
    ObjectNode data = Json.object().put("uri", uri);
    return new ProtocolException(
        modern ? ProtocolException.INVALID_PARAMS : ProtocolException.RESOURCE_NOT_FOUND,
        ErrorKind.IN_BAND,
        message,
        data);
  }
}
