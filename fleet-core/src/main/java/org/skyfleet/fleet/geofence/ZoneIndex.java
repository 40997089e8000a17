package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * An immutable spatial index of zones: an STR-packed R-tree over each zone's bounding box in degrees,
 * with the exact test done in metres in the zone's own local frame.
 *
 * <p>The tree is built once in the constructor and then only walked, never modified, so any number of
 * threads query it without a lock (JTS's own {@code query} takes the tree's monitor on every call;
 * this class walks the built nodes itself). A change of zones builds a new index ({@link Geofences}).
 *
 * <p>Definition of a breach at a position, for one vehicle at one instant, over the zones that apply
 * to it and are active then:
 * <ul>
 *   <li>inside an exclusion's outline and within its altitude band: {@link BreachReason#INSIDE_EXCLUSION};
 *   <li>when there is at least one inclusion and no inclusion contains the position within its band:
 *       every inclusion whose outline contains it is broken {@link BreachReason#ABOVE_CEILING} or
 *       {@link BreachReason#BELOW_FLOOR}; if none contains it, every inclusion is broken
 *       {@link BreachReason#OUTSIDE_INCLUSION}.
 * </ul>
 * Outlines include their boundary. Inclusions are expected to be few (operating areas); exclusions may
 * be many.
 */
public final class ZoneIndex {
    private static final ZoneIndex EMPTY = new ZoneIndex(List.of());

    private final AbstractNode root;
    private final List<ZoneGeometry> inclusions;
    private final int size;

    ZoneIndex(Collection<ZoneGeometry> zones) {
        STRtree tree = new STRtree();
        List<ZoneGeometry> incl = new ArrayList<>();
        for (ZoneGeometry g : zones) {
            tree.insert(g.boxDeg(), g);
            if (g.zone().kind() == ZoneKind.INCLUSION) {
                incl.add(g);
            }
        }
        tree.build();
        this.root = tree.getRoot();
        this.inclusions = List.copyOf(incl);
        this.size = zones.size();
    }

    /** An index of no zones. */
    public static ZoneIndex empty() {
        return EMPTY;
    }

    /** Compiles and indexes the zones; each must have passed {@link ZoneRule#checkAll}. */
    public static ZoneIndex of(Collection<Zone> zones) {
        return new ZoneIndex(zones.stream().map(ZoneGeometry::new).toList());
    }

    /** Number of zones indexed. */
    public int size() {
        return size;
    }

    /** {@link #check(String, VehicleKind, FlightPoint, Instant)} with the altitude above home only. */
    public List<ZoneBreach> check(String vehicleId, VehicleKind kind, double latDeg, double lonDeg,
                                  double altRelM, Instant now) {
        return check(vehicleId, kind, FlightPoint.relative(latDeg, lonDeg, altRelM), now);
    }

    /** The zones the vehicle breaks at {@code p} at {@code now} (see the class comment); empty when none. */
    public List<ZoneBreach> check(String vehicleId, VehicleKind kind, FlightPoint p, Instant now) {
        Ecef e = Ecef.of(p.latDeg(), p.lonDeg());
        List<ZoneBreach> out = new ArrayList<>(0);
        List<ZoneBreach> inclusionBandMisses = new ArrayList<>(0);
        boolean[] insideInclusion = {false};
        forEachCandidate(new Envelope(p.lonDeg(), p.lonDeg(), p.latDeg(), p.latDeg()), g -> {
            Zone z = g.zone();
            if (!applies(z, vehicleId, kind, now) || !g.containsLocal(g.frame().toLocal(e))) {
                return;
            }
            AltitudeBand.Position alt = z.band().locate(z.band().select(p.altRelM(), p.altAmslM()));
            if (z.kind() == ZoneKind.EXCLUSION) {
                if (alt == AltitudeBand.Position.WITHIN) {
                    out.add(new ZoneBreach(z, BreachReason.INSIDE_EXCLUSION));
                }
            } else if (alt == AltitudeBand.Position.WITHIN) {
                insideInclusion[0] = true;
            } else {
                inclusionBandMisses.add(new ZoneBreach(z, alt == AltitudeBand.Position.ABOVE
                        ? BreachReason.ABOVE_CEILING : BreachReason.BELOW_FLOOR));
            }
        });
        if (!insideInclusion[0]) {
            if (!inclusionBandMisses.isEmpty()) {
                out.addAll(inclusionBandMisses);
            } else {
                for (ZoneGeometry g : inclusions) {
                    if (applies(g.zone(), vehicleId, kind, now)) {
                        out.add(new ZoneBreach(g.zone(), BreachReason.OUTSIDE_INCLUSION));
                    }
                }
            }
        }
        return out;
    }

    /** True when the zone applies to the vehicle and is active at {@code now}. */
    static boolean applies(Zone z, String vehicleId, VehicleKind kind, Instant now) {
        return z.appliesTo().appliesTo(vehicleId, kind) && z.isActiveAt(now);
    }

    /** Every inclusion zone, active or not. */
    List<ZoneGeometry> inclusions() {
        return inclusions;
    }

    /** Calls {@code action} for every zone whose bounding box intersects {@code boxDeg}. */
    void forEachCandidate(Envelope boxDeg, Consumer<ZoneGeometry> action) {
        if (size > 0) {
            visit(root, boxDeg, action);
        }
    }

    private static void visit(AbstractNode node, Envelope box, Consumer<ZoneGeometry> action) {
        List<?> children = node.getChildBoundables();
        for (int i = 0, n = children.size(); i < n; i++) {
            Boundable child = (Boundable) children.get(i);
            if (!((Envelope) child.getBounds()).intersects(box)) {
                continue;
            }
            if (child instanceof AbstractNode inner) {
                visit(inner, box, action);
            } else {
                action.accept((ZoneGeometry) ((ItemBoundable) child).getItem());
            }
        }
    }
}
