package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * What the build asked of target profiles: which ones ({@value TargetProfile#OPTION}) and whether
 * what they cannot express is an error or a warning ({@value TargetProfile#VIOLATIONS_OPTION}).
 */
record TargetSettings(Set<TargetProfile> profiles, Diagnostic.Kind violations) {

  /** Reads the options, reporting each value that is not one of the choices. */
  static TargetSettings read(Map<String, String> options, Messager messager) {
    List<String> unknown = new ArrayList<>();
    Set<TargetProfile> profiles = TargetProfile.parse(options.get(TargetProfile.OPTION), unknown);
    for (String name : unknown) {
      messager.printMessage(
          Message.UNKNOWN_TARGET.kind(),
          Message.UNKNOWN_TARGET.format(
              TargetProfile.OPTION, name, TargetProfile.names(), TargetProfile.OPTION));
    }
    String violations = options.getOrDefault(TargetProfile.VIOLATIONS_OPTION, "error").strip();
    if (!violations.equals("warning") && !violations.equals("error")) {
      messager.printMessage(
          Message.UNKNOWN_TARGET.kind(),
          Message.UNKNOWN_TARGET.format(
              TargetProfile.VIOLATIONS_OPTION,
              violations,
              "error, warning",
              TargetProfile.VIOLATIONS_OPTION));
    }
    return new TargetSettings(
        profiles, violations.equals("warning") ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR);
  }
}
