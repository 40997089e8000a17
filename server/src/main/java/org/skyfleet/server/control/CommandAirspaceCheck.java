package org.skyfleet.server.control;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
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
 * into an exclusion zone active now (the zones of the geofence service). A GOTO is checked at its target;
 * an ORBIT over its whole disc (centre +- radius, as a polygon of {@value #ORBIT_SEGMENTS} edges around the
 * circle): the vehicle flies the circle and may cross the disc to reach it. Zones count only where their
 * altitude band contains the commanded altitude.
 */
public final class CommandAirspaceCheck {
    /** Edges of the polygon standing for an orbit's circle: off the true circle by r(1 - cos(pi/72)), 0.1 % of r. */
    static final int ORBIT_SEGMENTS = 72;
    private static final double METRES_PER_DEG_LAT = 111_320.0;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final java.util.function.Supplier<Airspace> airspace;

    /** @param airspace the airspace in force at the moment of the check */
    public CommandAirspaceCheck(java.util.function.Supplier<Airspace> airspace) {
        this.airspace = airspace;
    }

    /** Why the command may not be sent, or empty if it may. */
    public Optional<String> refusal(VehicleCommand c) {
        Airspace a = airspace.get();
        if (c.verb() == CommandVerb.TAKEOFF || c.verb() == CommandVerb.GOTO || c.verb() == CommandVerb.ORBIT) {
            if (c.altRelM() > a.maxAltRelM()) {
                return Optional.of(String.format("altitude %.1f m is above the ceiling of %.1f m", c.altRelM(), a.maxAltRelM()));
            }
        }
        if (c.verb() == CommandVerb.GOTO) {
            Geometry target = point(new GeoPoint(c.latDeg(), c.lonDeg()));
            return firstZone(a, c.altRelM(), target).map(z -> "target is inside exclusion zone '" + z.name() + "'");
        }
        if (c.verb() == CommandVerb.ORBIT) {
            Geometry disc = disc(new GeoPoint(c.latDeg(), c.lonDeg()), c.radiusM());
            return firstZone(a, c.altRelM(), disc).map(z -> String.format(
                    "orbit of %.1f m radius around the centre enters exclusion zone '%s'", c.radiusM(), z.name()));
        }
        return Optional.empty();
    }

    /** The first exclusion zone whose altitude band holds {@code altRelM} and whose area meets {@code where}. */
    private static Optional<AirspaceZone> firstZone(Airspace a, double altRelM, Geometry where) {
        for (AirspaceZone z : a.exclusions()) {
            if (altRelM >= z.floorAltRelM() && altRelM <= z.ceilingAltRelM() && polygon(z).intersects(where)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }

    private static Polygon polygon(AirspaceZone zone) {
        List<GeoPoint> outer = zone.polygon().outer();
        Coordinate[] ring = new Coordinate[outer.size() + 1];
        for (int i = 0; i < outer.size(); i++) {
            ring[i] = new Coordinate(outer.get(i).lonDeg(), outer.get(i).latDeg());
        }
        ring[outer.size()] = ring[0];
        LinearRing shell = GEOMETRY.createLinearRing(ring);
        return GEOMETRY.createPolygon(shell);
    }

    private static Geometry point(GeoPoint p) {
        return GEOMETRY.createPoint(new Coordinate(p.lonDeg(), p.latDeg()));
    }

    /**
     * The circle of {@code radiusM} around {@code centre} as a polygon in degrees (x longitude, y latitude), its
     * vertices projected from a local metric frame at the centre; circumscribed (vertices at r / cos(pi/n)) so that
     * the polygon covers the whole circle.
     */
    static Polygon disc(GeoPoint centre, double radiusM) {
        double mPerDegLon = METRES_PER_DEG_LAT * Math.cos(Math.toRadians(centre.latDeg()));
        double r = radiusM / Math.cos(Math.PI / ORBIT_SEGMENTS);
        Coordinate[] ring = new Coordinate[ORBIT_SEGMENTS + 1];
        for (int i = 0; i < ORBIT_SEGMENTS; i++) {
            double theta = 2 * Math.PI * i / ORBIT_SEGMENTS;
            ring[i] = new Coordinate(centre.lonDeg() + r * Math.sin(theta) / mPerDegLon,
                    centre.latDeg() + r * Math.cos(theta) / METRES_PER_DEG_LAT);
        }
        ring[ORBIT_SEGMENTS] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }
}
