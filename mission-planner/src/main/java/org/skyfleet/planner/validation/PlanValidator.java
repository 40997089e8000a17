package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.List;

/** Runs every rule over a route and collects all violations. */
public final class PlanValidator {
  private final List<PlanRule> rules;

  public PlanValidator(List<PlanRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Exclusion, inclusion, altitude and energy rules. */
  public static PlanValidator standard() {
    return new PlanValidator(List.of(new ExclusionZoneRule(), new InclusionZoneRule(), new AltitudeRule(),
        new EnergyRule()));
  }

  public List<Violation> validate(RouteCheck route) {
    List<Violation> out = new ArrayList<>();
    for (PlanRule r : rules) {
      out.addAll(r.check(route));
    }
    return out;
  }
}
