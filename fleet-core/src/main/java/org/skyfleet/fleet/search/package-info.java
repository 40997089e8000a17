/**
 * Search theory for missing-person searches: where the subject probably is, what a search has ruled
 * out, and where to send the drones next. Pure domain: no I/O beyond reading the bundled statistics, no
 * clock, no gRPC.
 *
 * <p>Pipeline: {@link org.skyfleet.fleet.search.LostPersonStatistics} (published distance quantiles per
 * {@link org.skyfleet.fleet.search.SubjectCategory}, from {@code lost-person-distances.csv}, every row
 * citing its source) → {@link org.skyfleet.fleet.search.DistanceDistribution} (CDF through the quantiles,
 * exponential tail) → {@link org.skyfleet.fleet.search.ProbabilityMap} (POA per cell of a grid around the
 * last known point, plus the mass outside it) → after each sortie,
 * {@link org.skyfleet.fleet.search.CameraFootprints} turns the flown track into what the camera saw and
 * {@link org.skyfleet.fleet.search.ProbabilityMap#applySearchEffort} applies Koopman's
 * {@link org.skyfleet.fleet.search.Detection} and Bayes' rule → {@link org.skyfleet.fleet.search.SearchSegments}
 * cuts the map into ~500 m segments ranked by probability density →
 * {@link org.skyfleet.fleet.search.SearchAllocator} gives each drone the segment with the most probability
 * per second of flight and a COVERAGE plan from the mission planner (whose airspace and energy rules apply).
 *
 * <p>Continuous search: {@link org.skyfleet.fleet.search.SortieAllocator} gives each drone, whenever it is free,
 * a battery's worth of segments over the map as it stands; between updates the map is
 * {@link org.skyfleet.fleet.search.ProbabilityMap#diffused diffused} by the subject's
 * {@link org.skyfleet.fleet.search.SubjectMobility}; {@link org.skyfleet.fleet.search.MapFeatures} (roads, water,
 * from GeoJSON) reweight it; {@link org.skyfleet.fleet.search.SweepWidths} gives W by sensor and light; and
 * {@link org.skyfleet.fleet.search.OptimalEffort} bounds what any allocation of the same effort could find.
 *
 * <p>Positions come in as WGS84 degrees; all geometry is in metres in a local east-north frame whose origin
 * is the last known point. Probabilities are absolute: the cells and the outside mass sum to 1.
 */
package org.skyfleet.fleet.search;
