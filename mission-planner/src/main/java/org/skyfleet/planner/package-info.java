/**
 * The mission planner's API: {@link org.skyfleet.planner.MissionPlanner} takes a
 * {@link org.skyfleet.planner.PlanRequest} and returns a {@link org.skyfleet.planner.Plan} of per-vehicle
 * routes with their metrics, or throws a {@link org.skyfleet.planner.PlanningException}. Pure algorithms:
 * no I/O, no protobuf, no clocks. Geometry runs in metres in a local east-north frame; the API speaks
 * WGS84 degrees.
 */
package org.skyfleet.planner;
