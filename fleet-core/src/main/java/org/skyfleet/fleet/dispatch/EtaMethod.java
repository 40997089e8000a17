package org.skyfleet.fleet.dispatch;

/** How an assignment's time of arrival was estimated, so the person reading it knows how far to trust it. */
public enum EtaMethod {
    /** Driven over the road network: the estimate comes with the route. */
    ROAD,
    /**
     * The straight line lengthened by the unit type's detour factor: no road network is configured, the unit is
     * not a car, or the network does not join the unit to the target.
     */
    STRAIGHT_LINE,
    /** Not recorded: an assignment stored before the store kept the estimate method (migration V14). */
    UNKNOWN
}
