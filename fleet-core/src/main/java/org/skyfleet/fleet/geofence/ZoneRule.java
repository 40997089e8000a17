package org.skyfleet.fleet.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * The named rules a zone must pass before it is stored. Each returns its violations (empty when the
 * zone passes); {@link #checkAll} runs them all, so a person sees every problem at once.
 */
public enum ZoneRule {
    /** The id is not blank. */
    ID_PRESENT {
        @Override
        void check(Zone z, List<String> out) {
            if (z.id().isBlank()) {
                out.add("the zone needs an id (any non-blank text unique in the store)");
            }
        }
    },
    /** Every coordinate is a number, latitude -85..85, longitude -180..180. */
    COORDINATES_IN_RANGE {
        @Override
        void check(Zone z, List<String> out) {
            if (z.shape() instanceof ZoneShape.Circle c) {
                checkPoint("circle centre", c.centre(), out);
                return;
            }
            GeoPolygon p = ((ZoneShape.Polygon) z.shape()).polygon();
            for (int i = 0; i < p.outer().size(); i++) {
                checkPoint("outer ring point " + i, p.outer().get(i), out);
            }
            for (int h = 0; h < p.holes().size(); h++) {
                for (int i = 0; i < p.holes().get(h).size(); i++) {
                    checkPoint("hole " + h + " point " + i, p.holes().get(h).get(i), out);
                }
            }
        }
    },
    /** A polygon has rings of at least three distinct points and no ring crosses itself or another. */
    POLYGON_SIMPLE {
        @Override
        void check(Zone z, List<String> out) {
            if (!(z.shape() instanceof ZoneShape.Polygon p) || !COORDINATES_IN_RANGE.violations(z).isEmpty()) {
                return;
            }
            if (!ZoneGeometry.hasEnoughPoints(p.polygon().outer())) {
                out.add("the outer ring needs at least 3 distinct points, got " + p.polygon().outer().size());
                return;
            }
            for (int h = 0; h < p.polygon().holes().size(); h++) {
                if (!ZoneGeometry.hasEnoughPoints(p.polygon().holes().get(h))) {
                    out.add("hole " + h + " needs at least 3 distinct points");
                    return;
                }
            }
            TopologyValidationError error =
                    new IsValidOp(ZoneGeometry.toLocalPolygon(p.polygon(), new EnuFrame(p.anchor())))
                            .getValidationError();
            if (error != null) {
                Coordinate at = error.getCoordinate();
                GeoPoint where = at == null ? p.anchor() : new LocalFrame(p.anchor()).toGeo(at);
                out.add(String.format(Locale.ROOT, "the polygon is not a simple area: %s at %s; "
                        + "reorder the points so no edge crosses another", error.getMessage(), where));
            }
        }
    },
    /**
     * The zone lies within {@value #MAX_EXTENT_M} m of its anchor (first outer vertex, or centre): beyond
     * that the local metric frame loses its centimetre accuracy. Zones across the antimeridian are
     * refused too (their boxes in degrees would wrap).
     */
    EXTENT_WITHIN_LIMIT {
        @Override
        void check(Zone z, List<String> out) {
            if (!COORDINATES_IN_RANGE.violations(z).isEmpty()) {
                return;
            }
            if (ZoneGeometry.crossesAntimeridian(z.shape())) {
                out.add("the zone crosses the antimeridian (longitude +-180), which is not supported; split it there");
                return;
            }
            if (z.shape() instanceof ZoneShape.Circle c) {
                if (c.radiusM() > MAX_EXTENT_M) {
                    out.add(String.format(Locale.ROOT, "circle radius %.0f m is over the %.0f m limit; split the area",
                            c.radiusM(), MAX_EXTENT_M));
                }
                return;
            }
            GeoPolygon p = ((ZoneShape.Polygon) z.shape()).polygon();
            EnuFrame frame = new EnuFrame(p.outer().get(0));
            for (int i = 0; i < p.outer().size(); i++) {
                Coordinate c = frame.toLocal(p.outer().get(i));
                double d = Math.hypot(c.x, c.y);
                if (d > MAX_EXTENT_M) {
                    out.add(String.format(Locale.ROOT, "outer ring point %d is %.0f m from point 0, over the %.0f m "
                            + "limit; split the area (zones across the antimeridian are not supported)", i, d, MAX_EXTENT_M));
                    return;
                }
            }
        }
    },
    /** A circle's radius is a number above 0 metres. */
    CIRCLE_RADIUS_POSITIVE {
        @Override
        void check(Zone z, List<String> out) {
            if (z.shape() instanceof ZoneShape.Circle c && !(c.radiusM() > 0 && Double.isFinite(c.radiusM()))) {
                out.add("circle radius must be above 0 m, got " + c.radiusM() + " m");
            }
        }
    },
    /** The floor is below the ceiling (an empty band protects nothing). */
    FLOOR_BELOW_CEILING {
        @Override
        void check(Zone z, List<String> out) {
            AltitudeBand b = z.band();
            if (Double.isNaN(b.floorM()) || Double.isNaN(b.ceilingM())) {
                out.add("floor and ceiling must be numbers (use -Infinity/+Infinity for no limit)");
            } else if (!(b.floorM() < b.ceilingM())) {
                out.add(String.format(Locale.ROOT, "floor %.1f m is not below ceiling %.1f m (%s); "
                        + "swap them or raise the ceiling", b.floorM(), b.ceilingM(), b.reference()));
            }
        }
    },
    /** A schedule can become active: a non-empty window on at least one day, or until after from. */
    SCHEDULE_STARTS {
        @Override
        void check(Zone z, List<String> out) {
            if (z.schedule() instanceof ZoneSchedule.Weekly w) {
                if (w.days().isEmpty()) {
                    out.add("the weekly schedule names no day, so the zone would never be active");
                }
                if (w.startLocal().equals(w.endLocal())) {
                    out.add("the daily window " + w.startLocal() + "-" + w.endLocal()
                            + " is empty; give an end different from the start");
                }
            } else if (z.schedule() instanceof ZoneSchedule.Between b
                    && b.from() != null && b.until() != null && !b.until().isAfter(b.from())) {
                out.add("the schedule ends (" + b.until() + ") before it starts (" + b.from()
                        + "), so the zone would never be active");
            }
        }
    },
    /** A weekly schedule names a time zone the JVM knows. */
    TIME_ZONE_KNOWN {
        @Override
        void check(Zone z, List<String> out) {
            if (z.schedule() instanceof ZoneSchedule.Weekly w && w.timeZone().isEmpty()) {
                out.add("unknown time zone '" + w.timeZoneId() + "'; use an IANA id such as Europe/London");
            }
        }
    };

    /** Largest distance from a zone's anchor to any of its points, metres. */
    public static final double MAX_EXTENT_M = 100_000;

    abstract void check(Zone zone, List<String> messages);

    /** This rule's violations for {@code zone}, empty when it passes. */
    public List<ZoneViolation> violations(Zone zone) {
        List<String> messages = new ArrayList<>();
        check(zone, messages);
        return messages.stream().map(m -> new ZoneViolation(name(), zone.id(), m)).toList();
    }

    /** Every rule's violations for {@code zone}, in rule order; empty when the zone is valid. */
    public static List<ZoneViolation> checkAll(Zone zone) {
        List<ZoneViolation> all = new ArrayList<>();
        for (ZoneRule rule : values()) {
            all.addAll(rule.violations(zone));
        }
        return all;
    }

    private static void checkPoint(String label, GeoPoint p, List<String> out) {
        if (!Double.isFinite(p.latDeg()) || !Double.isFinite(p.lonDeg())) {
            out.add(label + ": coordinates must be numbers, got lat=" + p.latDeg() + ", lon=" + p.lonDeg());
        } else if (Math.abs(p.latDeg()) > 85) {
            out.add(label + ": latitude " + p.latDeg() + " is outside -85..85"
                    + (Math.abs(p.latDeg()) <= 90 ? " (no zones near the poles)" : " (are latitude and longitude swapped?)"));
        } else if (Math.abs(p.lonDeg()) > 180) {
            out.add(label + ": longitude " + p.lonDeg() + " is outside -180..180");
        }
    }
}
