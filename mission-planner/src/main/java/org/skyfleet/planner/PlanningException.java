package org.skyfleet.planner;

import java.util.List;
import org.skyfleet.planner.validation.Violation;

/**
 * A plan request the planner cannot turn into a plan, with a message a pilot can act on.
 *
 * <p>The {@link Kind} maps one-to-one onto a gRPC status at the server's edge.
 */
public final class PlanningException extends RuntimeException {

  /** Why the request was refused. */
  public enum Kind {
    /** The request itself is malformed: bad coordinates, self-intersecting area, zero sweep width. */
    INVALID_ARGUMENT,
    /** The request is well formed but cannot be flown: no route around a no-fly zone, not enough battery. */
    FAILED_PRECONDITION,
    /** The request is too large to plan: area, vertex count or number of sweeps over a named limit. */
    RESOURCE_EXHAUSTED
  }

  private final Kind kind;
  private final List<Violation> violations;

  public PlanningException(Kind kind, String message) {
    this(kind, message, List.of());
  }

  public PlanningException(Kind kind, String message, List<Violation> violations) {
    super(message);
    this.kind = kind;
    this.violations = List.copyOf(violations);
  }

  public static PlanningException invalid(String message) {
    return new PlanningException(Kind.INVALID_ARGUMENT, message);
  }

  public static PlanningException precondition(String message) {
    return new PlanningException(Kind.FAILED_PRECONDITION, message);
  }

  public static PlanningException exhausted(String message) {
    return new PlanningException(Kind.RESOURCE_EXHAUSTED, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The rule violations behind a {@link Kind#FAILED_PRECONDITION}, empty otherwise. */
  public List<Violation> violations() {
    return violations;
  }
}
