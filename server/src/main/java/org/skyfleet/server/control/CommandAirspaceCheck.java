package org.skyfleet.server.control;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Refuses, before it reaches the vehicle, a command that would take it above the altitude ceiling or
 * into an exclusion zone active now (the zones of the geofence service).
 */
public final class CommandAirspaceCheck {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final java.util.function.Supplier<Airspace> airspace;

    /** @param airspace the airspace in force at the moment of the check */
    public CommandAirspaceCheck(java.util.function.Supplier<Airspace> airspace) {
        this.airspace = airspace;
    }

    /** Why the command may not be sent, or empty if it may. */
    public Optional<String> refusal(VehicleCommand c) {
        Airspace a = airspace.get();
        if (c.verb() == CommandVerb.TAKEOFF || c.verb() == CommandVerb.GOTO) {
            if (c.altRelM() > a.maxAltRelM()) {
                return Optional.of(String.format("altitude %.1f m is above the ceiling of %.1f m", c.altRelM(), a.maxAltRelM()));
            }
        }
        if (c.verb() == CommandVerb.GOTO) {
            for (AirspaceZone z : a.exclusions()) {
                if (c.altRelM() >= z.floorAltRelM() && c.altRelM() <= z.ceilingAltRelM()
                        && contains(z, new GeoPoint(c.latDeg(), c.lonDeg()))) {
                    return Optional.of("target is inside exclusion zone '" + z.name() + "'");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contains(AirspaceZone zone, GeoPoint p) {
        List<GeoPoint> outer = zone.polygon().outer();
        Coordinate[] ring = new Coordinate[outer.size() + 1];
        for (int i = 0; i < outer.size(); i++) {
            ring[i] = new Coordinate(outer.get(i).lonDeg(), outer.get(i).latDeg());
        }
        ring[outer.size()] = ring[0];
        LinearRing shell = GEOMETRY.createLinearRing(ring);
        Polygon polygon = GEOMETRY.createPolygon(shell);
        return polygon.covers(GEOMETRY.createPoint(new Coordinate(p.lonDeg(), p.latDeg())));
    }
}
