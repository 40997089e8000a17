/**
 * Gates: who and what crossed a city's big gates and its small gates, and when.
 *
 * <p>A gate is a geofence zone of category {@code CITY_GATE} or {@code SMALL_GATE}
 * ({@link org.skyfleet.fleet.geofence.GateKind} says what it guards). {@link org.skyfleet.fleet.gate.GateOutlines}
 * compiles them for containment and segment tests with JTS; the {@link org.skyfleet.fleet.gate.CrossingDetector}
 * turns a stream of positions of ground units, robots, drones, fusion tracks and vessels into
 * {@link org.skyfleet.fleet.gate.GateCrossing}s (in or out, also for a subject that passed right through between
 * two positions); {@link org.skyfleet.fleet.gate.GateCounters} counts them by subject kind over the last hour and
 * the local day. Pure logic: no threads, no transport, time passed in.
 */
package org.skyfleet.fleet.gate;
