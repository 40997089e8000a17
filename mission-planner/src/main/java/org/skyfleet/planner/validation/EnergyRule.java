package org.skyfleet.planner.validation;

import java.util.List;

/** The route's flight time plus the reserve must fit the time on the vehicle's remaining charge. */
public final class EnergyRule implements PlanRule {
  @Override
  public String name() {
    return "energy";
  }

  @Override
  public List<Violation> check(RouteCheck route) {
    if (route.budget() == null || route.budget().fits()) {
      return List.of();
    }
    String who = route.vehicle() == null ? "the vehicle" : "vehicle '" + route.vehicle().id() + "'";
    return List.of(Violation.error(name(), -1, "route does not fit the battery of " + who + ": "
        + route.budget().describe() + "; charge it, shorten the plan or share it among more vehicles"));
  }
}
