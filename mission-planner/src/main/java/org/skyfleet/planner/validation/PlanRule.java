package org.skyfleet.planner.validation;

import java.util.List;

/** A named check on one route. */
public interface PlanRule {
  /** Short name used in violations. */
  String name();

  List<Violation> check(RouteCheck route);
}
