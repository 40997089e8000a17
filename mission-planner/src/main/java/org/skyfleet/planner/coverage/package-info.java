/**
 * Area coverage (lawnmower) as a pipeline of stages: sweep direction, swaths per band, boustrophedon
 * cell decomposition, cell order, and the routed path with its coverage footprint.
 */
package org.skyfleet.planner.coverage;
