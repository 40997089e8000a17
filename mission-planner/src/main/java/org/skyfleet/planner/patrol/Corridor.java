package org.skyfleet.planner.patrol;

/**
 * A drivable path between two nodes of a {@link CorridorNetwork}, usable both ways.
 *
 * @param from index of one end node
 * @param to index of the other end node
 */
public record Corridor(int from, int to) {}
