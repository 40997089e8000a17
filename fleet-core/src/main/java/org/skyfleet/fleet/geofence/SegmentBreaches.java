package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * Where a straight 3-D segment (a leg of a route, or a vehicle's predicted path) first breaks each zone,
 * with the same definition of a breach as {@link ZoneIndex#check}.
 *
 * <p>Steps: for each zone near the segment, the outline is intersected with the segment in the zone's
 * frame (intervals of s, 0..1) and the altitude band with the straight climb (one interval); their
 * intersection is where the segment is "in the zone". An exclusion is broken at the first s in it. For
 * inclusions, the union of every applicable inclusion's in-zone intervals must cover 0..1; the first
 * uncovered s is the breach, charged to the inclusions the segment was in just before (all applicable
 * inclusions when the gap starts at s = 0), with the reason read at the middle of the gap.
 */
final class SegmentBreaches {
    /** Gaps and overlaps shorter than this are rounding between zone frames (adjacent areas), metres. */
    private static final double TOLERANCE_M = 0.01;

    private SegmentBreaches() {
    }

    static List<SegmentBreach> along(ZoneIndex index, String vehicleId, VehicleKind kind,
                                     FlightPoint a, FlightPoint b, Instant now) {
        Ecef ea = Ecef.of(a.latDeg(), a.lonDeg());
        Ecef eb = Ecef.of(b.latDeg(), b.lonDeg());
        Envelope box = new Envelope(a.lonDeg(), b.lonDeg(), a.latDeg(), b.latDeg());
        List<SegmentBreach> out = new ArrayList<>();
        index.forEachCandidate(box, g -> {
            Zone z = g.zone();
            if (z.kind() != ZoneKind.EXCLUSION || !ZoneIndex.applies(z, vehicleId, kind, now)) {
                return;
            }
            List<double[]> in = inZone(g, ea, eb, a, b);
            if (!in.isEmpty()) {
                out.add(new SegmentBreach(z, BreachReason.INSIDE_EXCLUSION, in.get(0)[0]));
            }
        });
        inclusionBreaches(index, vehicleId, kind, ea, eb, a, b, box, now, out);
        out.sort((x, y) -> Double.compare(x.s(), y.s()));
        return out;
    }

    private static void inclusionBreaches(ZoneIndex index, String vehicleId, VehicleKind kind, Ecef ea, Ecef eb,
                                          FlightPoint a, FlightPoint b, Envelope box, Instant now,
                                          List<SegmentBreach> out) {
        List<ZoneGeometry> applicable = new ArrayList<>();
        List<Covered> covered = new ArrayList<>();
        for (ZoneGeometry g : index.inclusions()) {
            if (!ZoneIndex.applies(g.zone(), vehicleId, kind, now)) {
                continue;
            }
            applicable.add(g);
            if (g.boxDeg().intersects(box)) {
                for (double[] in : inZone(g, ea, eb, a, b)) {
                    covered.add(new Covered(g, in[0], in[1]));
                }
            }
        }
        if (applicable.isEmpty()) {
            return;
        }
        double lengthM = approximateLengthM(a, b);
        double eps = lengthM > TOLERANCE_M ? TOLERANCE_M / lengthM : 1e-9;
        covered.sort((x, y) -> Double.compare(x.from, y.from));
        double reached = 0;
        List<ZoneGeometry> last = new ArrayList<>();
        for (Covered c : covered) {
            if (c.from > reached + eps) {
                break;
            }
            if (c.to > reached + eps) {
                reached = c.to;
                last = new ArrayList<>(List.of(c.g));
            } else if (Math.abs(c.to - reached) <= eps && !last.contains(c.g)) {
                last.add(c.g);
            }
        }
        if (reached >= 1 - eps) {
            return;
        }
        double gapEnd = 1;
        for (Covered c : covered) {
            if (c.from > reached + eps) {
                gapEnd = Math.min(gapEnd, c.from);
            }
        }
        double mid = (reached + gapEnd) / 2;
        List<ZoneGeometry> charged = reached <= eps && last.isEmpty() ? applicable : last;
        for (ZoneGeometry g : charged) {
            out.add(new SegmentBreach(g.zone(), reasonAt(g, ea, eb, a.towards(b, mid), mid), reached));
        }
    }

    private static double approximateLengthM(FlightPoint a, FlightPoint b) {
        double northM = (b.latDeg() - a.latDeg()) * 111_132.0;
        double eastM = (b.lonDeg() - a.lonDeg()) * 111_320.0 * Math.cos(Math.toRadians(a.latDeg()));
        return Math.hypot(northM, eastM);
    }

    /** Why the point at {@code s} is not allowed by inclusion {@code g}. */
    private static BreachReason reasonAt(ZoneGeometry g, Ecef ea, Ecef eb, FlightPoint p, double s) {
        for (double[] h : g.insideIntervals(g.frame().toLocal(ea), g.frame().toLocal(eb))) {
            if (h[0] <= s && s <= h[1]) {
                AltitudeBand band = g.zone().band();
                return band.locate(band.select(p.altRelM(), p.altAmslM())) == AltitudeBand.Position.BELOW
                        ? BreachReason.BELOW_FLOOR : BreachReason.ABOVE_CEILING;
            }
        }
        return BreachReason.OUTSIDE_INCLUSION;
    }

    /** The intervals of s where the segment is inside the zone's outline and within its band. */
    private static List<double[]> inZone(ZoneGeometry g, Ecef ea, Ecef eb, FlightPoint a, FlightPoint b) {
        AltitudeBand band = g.zone().band();
        double[] vertical = band.intervalAlong(band.select(a.altRelM(), a.altAmslM()),
                band.select(b.altRelM(), b.altAmslM()));
        if (vertical == null) {
            return List.of();
        }
        Coordinate la = g.frame().toLocal(ea);
        Coordinate lb = g.frame().toLocal(eb);
        List<double[]> out = new ArrayList<>(1);
        for (double[] h : g.insideIntervals(la, lb)) {
            double from = Math.max(h[0], vertical[0]);
            double to = Math.min(h[1], vertical[1]);
            if (from <= to) {
                out.add(new double[] {from, to});
            }
        }
        return out;
    }

    private record Covered(ZoneGeometry g, double from, double to) {
    }
}
