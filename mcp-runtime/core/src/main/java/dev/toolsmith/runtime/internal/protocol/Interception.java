package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.intercept.Outcome;
import dev.toolsmith.runtime.intercept.Rejection;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a server's interceptors around requests and invocations, in order before and in reverse
 * after, and turns what they throw into answers: a {@link Rejection} into the refusal it asks for,
 * anything else into an internal error whose details are logged.
 */
public final class Interception {
  private final Interceptor[] interceptors;

  private Interception(List<? extends Interceptor> interceptors) {
    this.interceptors = interceptors.toArray(new Interceptor[0]);
  }

  /**
   * Returns the interception of these interceptors, in the order given, or {@code null} when there
   * are none: the engine then never calls in here, and this class is not even loaded.
   */
  public static Interception of(List<? extends Interceptor> interceptors) {
    return interceptors.isEmpty() ? null : new Interception(List.copyOf(interceptors));
  }

  /** Serves a request between the interceptors' {@code beforeRequest} and {@code afterRequest}. */
  Reply aroundRequest(RequestView view, Supplier<Reply> serve) {
    int entered = 0;
    Reply reply;
    try {
      for (Interceptor interceptor : interceptors) {
        interceptor.beforeRequest(view);
        entered++;
      }
      reply = serve.get();
    } catch (Rejection rejection) {
      reply = Reply.error(view.id(), requestRefusal(rejection));
    } catch (ProtocolException e) {
      reply = Reply.error(view.id(), e);
    } catch (RuntimeException | Error failure) {
      if (entered == interceptors.length) {
        // The engine itself failed: the interceptors see it, and the transport answers it.
        afterRequest(view, Outcomes.ofRequestFailure(view, failure), entered);
        throw failure;
      }
      reply = Reply.error(view.id(), InternalErrors.protocolError(nameOf(entered), failure));
    }
    afterRequest(view, Outcomes.ofRequest(view, reply), entered);
    return reply;
  }

  private void afterRequest(RequestView view, Outcome outcome, int entered) {
    for (int i = entered - 1; i >= 0; i--) {
      try {
        interceptors[i].afterRequest(view, outcome);
      } catch (RuntimeException e) {
        // The reply is made; a failing observer must not take it from the client.
        InternalErrors.log(nameOf(i) + " after " + view.method(), e);
      }
    }
  }

  /**
   * Calls a tool between the interceptors' {@code beforeInvocation} and {@code afterInvocation}.
   *
   * @param call calls the tool; it records in the view what the tool threw
   * @param failInternally whether an interceptor's failure fails the call with a JSON-RPC error (a
   *     task's tool) instead of an {@code isError} result
   */
  Result.ToolCall aroundTool(
      InvocationView view, Supplier<Result.ToolCall> call, boolean failInternally) {
    ToolResult result;
    SessionHandles.HandBack handBack = null;
    try {
      before(view);
      Result.ToolCall called = call.get();
      result = called.result();
      handBack = called.handBack();
    } catch (Rejection rejection) {
      if (rejection.retryAfterSeconds() > 0) {
        throw afterError(view, retryLater(rejection));
      }
      result = ToolResult.error(rejection.reason());
    } catch (ProtocolException e) {
      if (failedUnexpectedly(view)) {
        onError(view);
      }
      throw afterError(view, e);
    } catch (RuntimeException e) {
      ProtocolException internal = interceptorFailure(view, e);
      if (failInternally) {
        throw afterError(view, internal);
      }
      result = ToolResult.error(internal.getMessage());
    }
    if (failedUnexpectedly(view)) {
      onError(view);
    }
    Outcomes.Invoked outcome = Outcomes.ofTool(view, result);
    for (int i = view.entered - 1; i >= 0; i--) {
      try {
        interceptors[i].afterInvocation(view, outcome);
      } catch (Rejection rejection) {
        outcome.replaceResult(ToolResult.error(rejection.reason()));
      } catch (RuntimeException e) {
        outcome.replaceResult(ToolResult.error(interceptorFailure(view, e).getMessage()));
      }
    }
    recordOnRequest(view, outcome);
    return new Result.ToolCall(outcome.current(), handBack);
  }

  /**
   * Serves a prompt or a resource between the interceptors' {@code beforeInvocation} and {@code
   * afterInvocation}.
   */
  <T> T around(InvocationView view, Supplier<T> serve) {
    T served;
    try {
      before(view);
      served = serve.get();
    } catch (Rejection rejection) {
      throw afterError(
          view,
          rejection.retryAfterSeconds() > 0
              ? retryLater(rejection)
              : ProtocolException.invalidParams(rejection.reason()));
    } catch (ProtocolException e) {
      throw afterError(view, e);
    } catch (RuntimeException e) {
      // Prompts and resources turn their own failures into protocol errors: this is an
      // interceptor's.
      throw afterError(view, interceptorFailure(view, e));
    }
    ProtocolException withheld = null;
    Outcomes.Invoked outcome = Outcomes.served(view);
    for (int i = view.entered - 1; i >= 0; i--) {
      try {
        interceptors[i].afterInvocation(view, outcome);
      } catch (Rejection rejection) {
        withheld = ProtocolException.invalidParams(rejection.reason());
      } catch (RuntimeException e) {
        withheld = interceptorFailure(view, e);
      }
    }
    recordOnRequest(view, outcome);
    if (withheld != null) {
      throw withheld;
    }
    return served;
  }

  /** Names an interceptor in the log, by its class. */
  private String nameOf(int index) {
    return "Interceptor " + interceptors[index].getClass().getName();
  }

  /** Runs every {@code beforeInvocation}, counting those that returned. */
  private void before(InvocationView view) {
    for (Interceptor interceptor : interceptors) {
      interceptor.beforeInvocation(view);
      view.entered++;
    }
  }

  /** Whether the tool threw something other than what tools throw to report an error. */
  private static boolean failedUnexpectedly(InvocationView view) {
    return view.failure != null && view.errorId != null;
  }

  private void onError(InvocationView view) {
    for (int i = view.entered - 1; i >= 0; i--) {
      try {
        interceptors[i].onError(view, view.failure);
      } catch (RuntimeException e) {
        InternalErrors.log(nameOf(i) + " onError", e);
      }
    }
  }

  /** Runs the {@code afterInvocation} of those entered for an invocation that ends in an error. */
  private ProtocolException afterError(InvocationView view, ProtocolException error) {
    Outcomes.Invoked outcome = Outcomes.ofError(view, error);
    for (int i = view.entered - 1; i >= 0; i--) {
      try {
        interceptors[i].afterInvocation(view, outcome);
      } catch (RuntimeException e) {
        // The error stands; what an interceptor throws on top of it is only logged.
        InternalErrors.log(nameOf(i) + " after " + view.name(), e);
      }
    }
    recordOnRequest(view, outcome);
    return error;
  }

  private static void recordOnRequest(InvocationView view, Outcome outcome) {
    RequestView request = view.requestView();
    if (request != null) {
      request.invoked(outcome);
    }
  }

  private ProtocolException interceptorFailure(InvocationView view, RuntimeException e) {
    String what =
        "An interceptor of " + view.kind().name().toLowerCase() + " '" + view.name() + "'";
    view.errorId = InternalErrors.log(what, e);
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR,
        ErrorKind.IN_BAND,
        InternalErrors.message(what, view.errorId),
        null);
  }

  private static ProtocolException requestRefusal(Rejection rejection) {
    return rejection.retryAfterSeconds() > 0
        ? retryLater(rejection)
        : new ProtocolException(
            ProtocolException.INVALID_REQUEST, ErrorKind.IN_BAND, rejection.reason(), null);
  }

  /**
   * A rejection waiting undoes: HTTP 429 with {@code Retry-After}, and the wait in {@code data}.
   */
  private static ProtocolException retryLater(Rejection rejection) {
    long seconds = rejection.retryAfterSeconds();
    JsonNode data = Json.object().put("retryAfterSeconds", seconds);
    return new ProtocolException(
        ProtocolException.TRANSPORT_ERROR,
        ErrorKind.TOO_MANY_REQUESTS,
        rejection.reason(),
        data,
        seconds);
  }
}
