/**
 * Patrols: laps through checkpoints, flown directly by drones or driven along a corridor network by
 * ground robots (Dijkstra shortest paths), repeated N times and paced to a period.
 */
package org.skyfleet.planner.patrol;
