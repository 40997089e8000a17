package org.skyfleet.planner.validation;

/**
 * One broken rule.
 *
 * @param rule the rule's name ("exclusion", "inclusion", "altitude", "energy", "coverage")
 * @param itemIndex index of the offending waypoint, or -1 for the route as a whole
 * @param message what is wrong and what to change
 * @param severity ERROR blocks the plan, WARNING is reported with it
 */
public record Violation(String rule, int itemIndex, String message, Severity severity) {

  /** How bad a violation is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Violation error(String rule, int itemIndex, String message) {
    return new Violation(rule, itemIndex, message, Severity.ERROR);
  }

  public static Violation warning(String rule, int itemIndex, String message) {
    return new Violation(rule, itemIndex, message, Severity.WARNING);
  }
}
