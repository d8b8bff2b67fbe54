package dev.toolsmith.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolCall;
import java.util.UUID;

/**
 * Calls a tool and turns every way it can fail into something a model can act on.
 *
 * <p>Invalid arguments and {@link ToolException}s become {@code isError} results with their
 * message. Anything else is a bug or an outage the client must not see the details of: it is
 * logged with a fresh error id, and the client gets an {@code isError} result naming only that id.
 */
final class ToolInvoker {
  private final ToolRegistry tools;

  ToolInvoker(ToolRegistry tools) {
    this.tools = tools;
  }

  ToolResult call(String name, JsonNode arguments, RequestContext context) {
    var pack = tools.packFor(name);
    try {
      ToolResult result = pack.call(name, ToolCall.of(arguments, context));
      return result == null ? ToolResult.empty() : result;
    } catch (InvalidArgumentsException e) {
      return ToolResult.error("Invalid arguments for tool '" + name + "':\n" + e.getMessage());
    } catch (ToolException e) {
      return ToolResult.error(e.getMessage());
    } catch (ProtocolException e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError e) {
      String errorId = UUID.randomUUID().toString();
      // Looked up here, not in a static field: logging set-up costs cold-start time, and most servers never fail.
      System.getLogger("dev.toolsmith.runtime").log(System.Logger.Level.ERROR, "Tool '" + name + "' failed; error id " + errorId, e);
      return ToolResult.error("Tool '" + name + "' failed with an internal error (error id " + errorId
          + "). The server's log has the details under that id; retrying may help if the failure was temporary.");
    }
  }
}
