package org.skyfleet.planner;

/** How a coverage area is shared among the request's vehicles. */
public enum SplitPolicy {
  /** Only the first vehicle flies; a plan that does not fit its battery fails. */
  FIRST_VEHICLE,
  /** Every vehicle gets a part, sized so all finish at about the same time. */
  ALL_VEHICLES,
  /** The fewest vehicles (in the order given) whose parts all fit their batteries. */
  AS_NEEDED
}
