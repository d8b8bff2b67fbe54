package dev.toolsmith.runtime.internal.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Every method the engine serves, with the eras it belongs to and the feature that must be
 * advertised for it. A request is routed once, by one map lookup on its method name; the engine
 * then switches on the route.
 */
enum Route {
  INITIALIZE("initialize", false, true, Feature.NONE),
  PING("ping", false, true, Feature.NONE),
  LOGGING_SET_LEVEL("logging/setLevel", false, true, Feature.NONE),
  RESOURCES_SUBSCRIBE("resources/subscribe", false, true, Feature.RESOURCES),
  RESOURCES_UNSUBSCRIBE("resources/unsubscribe", false, true, Feature.RESOURCES),
  SERVER_DISCOVER("server/discover", true, false, Feature.NONE),
  TOOLS_LIST("tools/list", true, true, Feature.TOOLS),
  TOOLS_CALL("tools/call", true, true, Feature.TOOLS),
  RESOURCES_LIST("resources/list", true, true, Feature.RESOURCES),
  RESOURCES_TEMPLATES_LIST("resources/templates/list", true, true, Feature.RESOURCES),
  RESOURCES_READ("resources/read", true, true, Feature.RESOURCES),
  PROMPTS_LIST("prompts/list", true, true, Feature.PROMPTS),
  PROMPTS_GET("prompts/get", true, true, Feature.PROMPTS),
  COMPLETION_COMPLETE("completion/complete", true, true, Feature.COMPLETIONS),
  TASKS_GET("tasks/get", true, false, Feature.TASKS),
  TASKS_UPDATE("tasks/update", true, false, Feature.TASKS),
  TASKS_CANCEL("tasks/cancel", true, false, Feature.TASKS),
  /** Served for task status notifications; no other notification is offered on the modern wire. */
  SUBSCRIPTIONS_LISTEN("subscriptions/listen", true, false, Feature.TASKS);

  /**
   * The capability a route's feature is advertised under; {@code NONE} for the protocol's own
   * methods.
   */
  enum Feature {
    NONE,
    TOOLS,
    RESOURCES,
    PROMPTS,
    COMPLETIONS,
    /** The tasks extension, advertised when some tool may run as a task. */
    TASKS
  }

  private static final Map<String, Route> BY_METHOD = new HashMap<>();

  static {
    for (Route route : values()) {
      BY_METHOD.put(route.method, route);
    }
  }

  final String method;
  final boolean modern;
  final boolean legacy;
  final Feature feature;

  Route(String method, boolean modern, boolean legacy, Feature feature) {
    this.method = method;
    this.modern = modern;
    this.legacy = legacy;
    this.feature = feature;
  }

  /** Returns the route of a method name, or {@code null} for a method no era has. */
  static Route of(String method) {
    return BY_METHOD.get(method);
  }
}
