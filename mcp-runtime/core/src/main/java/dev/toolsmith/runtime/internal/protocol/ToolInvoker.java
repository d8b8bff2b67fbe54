package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.intercept.Invocation;
import dev.toolsmith.runtime.session.Session;
import dev.toolsmith.runtime.session.SessionConflictException;
import dev.toolsmith.runtime.session.SessionExpiredException;
import dev.toolsmith.runtime.session.SessionStoreException;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;

/**
 * Calls a tool and turns every way it can fail into something a model can act on.
 *
 * <p>Invalid arguments, {@link ToolException}s and session problems become {@code isError} results
 * with their message; a misconfigured session store is also logged, since its operator must act.
 * Anything else is a bug or an outage the client must not see the details of: it is logged with a
 * fresh error id, and the client gets an {@code isError} result naming only that id.
 */
final class ToolInvoker {
  private final ToolRegistry tools;
  private final SessionHandles sessions;
  private final String sessionsUnavailable;
  private final Interception interception;

  /**
   * @param sessions how session-taking tools find their session, or {@code null} when there are no
   *     sessions
   * @param sessionsUnavailable why there are none although some tools take one, which those tools
   *     answer with; {@code null} otherwise
   */
  ToolInvoker(
      ToolRegistry tools,
      SessionHandles sessions,
      String sessionsUnavailable,
      Interception interception) {
    this.tools = tools;
    this.sessions = sessions;
    this.sessionsUnavailable = sessionsUnavailable;
    this.interception = interception;
  }

  /**
   * Returns the tool a call names, once the caller may call it: before anything is done for the
   * call, such as making it a task.
   *
   * @throws ProtocolException -32602 when there is no such tool, and an {@link
   *     InsufficientScopeException} when the caller's token lacks a scope the tool requires
   */
  ToolRegistry.Entry admit(String name, Identity caller) {
    ToolRegistry.Entry entry = tools.find(name);
    InsufficientScopeException.check("Tool", name, entry.descriptor().requiredScopes(), caller);
    return entry;
  }

  /**
   * Calls a tool the caller was {@linkplain #admit admitted} to.
   *
   * @param protocolSession the handshake-era session the transport validated, or {@code null}
   */
  Result.ToolCall call(
      ToolRegistry.Entry entry, JsonNode arguments, CallContext context, Session protocolSession) {
    return call(entry, arguments, context, protocolSession, false);
  }

  /**
   * Calls a task's tool, where an internal failure fails the task: it ends in a JSON-RPC internal
   * error naming a logged error id, instead of an {@code isError} result.
   */
  Result.ToolCall callFailingInternally(String name, JsonNode arguments, CallContext context) {
    return call(admit(name, context.identity()), arguments, context, null, true);
  }

  private Result.ToolCall call(
      ToolRegistry.Entry entry,
      JsonNode arguments,
      CallContext context,
      Session protocolSession,
      boolean failInternally) {
    if (interception == null) {
      return invoke(entry, arguments, context, protocolSession, failInternally, null);
    }
    InvocationView view =
        new InvocationView(Invocation.Kind.TOOL, entry.descriptor().name(), arguments, context);
    return interception.aroundTool(
        view,
        () -> invoke(entry, arguments, context, protocolSession, failInternally, view),
        failInternally);
  }

  /**
   * Calls the tool.
   *
   * @param view where interceptors see what the tool threw, or {@code null} when none are installed
   */
  private Result.ToolCall invoke(
      ToolRegistry.Entry entry,
      JsonNode arguments,
      CallContext context,
      Session protocolSession,
      boolean failInternally,
      InvocationView view) {
    ToolDescriptor tool = entry.descriptor();
    String name = tool.name();
    SessionHandles.HandBack handBack = null;
    try {
      ToolCall call;
      if (tool.usesSession()) {
        if (sessions == null) {
          return new Result.ToolCall(
              ToolResult.error(
                  "Tool '"
                      + name
                      + "' keeps state between calls, and this server has no session store: "
                      + sessionsUnavailable),
              null);
        }
        SessionHandles.Binding binding =
            sessions.bind(
                name,
                arguments,
                protocolSession,
                context.transportAttribute(ConnectionSession.class).orElse(null),
                context.identity());
        if (binding.refusal() != null) {
          return new Result.ToolCall(binding.refusal(), null);
        }
        handBack = binding.handBack();
        call = ToolCall.of(arguments, context, binding.session());
      } else {
        call = ToolCall.of(arguments, context);
      }
      ToolResult result = entry.pack().call(name, call);
      return new Result.ToolCall(result == null ? ToolResult.empty() : result, handBack);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      return failed(name, e, handBack, failInternally, view);
    }
  }

  /**
   * Turns a failure into the result the client gets. Sorted here with {@code instanceof} rather
   * than in catch clauses, so a cold start that never fails does not load every exception class.
   */
  private static Result.ToolCall failed(
      String name,
      Throwable failure,
      SessionHandles.HandBack handBack,
      boolean failInternally,
      InvocationView view) {
    if (failure instanceof ProtocolException protocol) {
      throw protocol;
    }
    if (view != null) {
      view.failure = failure;
    }
    if (failure instanceof InvalidArgumentsException) {
      return new Result.ToolCall(
          ToolResult.error("Invalid arguments for tool '" + name + "':\n" + failure.getMessage()),
          handBack);
    }
    if (failure instanceof ToolException
        || failure instanceof SessionExpiredException
        || failure instanceof SessionConflictException) {
      return new Result.ToolCall(ToolResult.error(failure.getMessage()), handBack);
    }
    if (failure instanceof SessionStoreException) {
      InternalErrors.logger()
          .log(
              System.Logger.Level.ERROR,
              "Tool '" + name + "' could not use its session: " + failure.getMessage(),
              failure);
      return new Result.ToolCall(ToolResult.error(failure.getMessage()), null);
    }
    String what = "Tool '" + name + "'";
    String errorId = InternalErrors.log(what, failure);
    if (view != null) {
      view.errorId = errorId;
    }
    if (failInternally) {
      throw new ProtocolException(
          ProtocolException.INTERNAL_ERROR,
          ErrorKind.IN_BAND,
          InternalErrors.message(what, errorId),
          null);
    }
    return new Result.ToolCall(ToolResult.error(InternalErrors.message(what, errorId)), handBack);
  }
}
