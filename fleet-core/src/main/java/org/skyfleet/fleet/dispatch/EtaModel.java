package org.skyfleet.fleet.dispatch;

import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/** Estimates a unit's time of arrival at a point. */
public interface EtaModel {
    TravelEstimate estimate(GroundUnit unit, GeoPoint target);

    /** The straight line lengthened by the unit type's detour factor, at the type's speed. */
    static EtaModel straightLine() {
        return (unit, target) -> {
            double d = GreatCircle.distanceM(unit.position(), target) * unit.type().detourFactor();
            return new TravelEstimate(d, d / unit.type().speedMps());
        };
    }
}
