package org.skyfleet.fleet.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns positions into gate crossings. For each subject it keeps its last position and the gates it was
 * inside; each new position is compared with that:
 * <ol>
 *   <li>outside a gate before, inside now: IN; inside before, outside now: OUT;</li>
 *   <li>outside before and now, but the straight path between the two positions touches the gate: IN then OUT,
 *       both at the new position's time (a drone at 15 m/s crosses a 30 m gate between two one-second samples);</li>
 *   <li>inside before and now: nothing (a path that leaves and re-enters a concave outline between two samples is
 *       not counted: the samples cannot tell it from staying inside).</li>
 * </ol>
 * The first position of a subject only says where it is: a crossing needs two. So for each subject and gate the
 * crossings alternate IN, OUT, IN, ... starting with IN if it was first seen outside, OUT if inside. When the gates
 * change, a subject's memberships in gates that no longer exist are dropped and a new gate starts from "outside"
 * for subjects already known (so a subject standing in a newly drawn gate counts IN on its next position).
 * Not thread-safe: one thread feeds it.
 */
public final class CrossingDetector {
    private record Key(SubjectKind kind, String id) {
    }

    private static final class Last {
        double latDeg;
        double lonDeg;
        Set<String> inside;
    }

    private final Supplier<GateOutlines> gates;
    private final Map<Key, Last> subjects = new HashMap<>();

    public CrossingDetector(Supplier<GateOutlines> gates) {
        this.gates = gates;
    }

    /** The crossings a subject's new position shows, in order; empty for its first position. */
    public List<GateCrossing> observe(SubjectKind kind, String id, double latDeg, double lonDeg, Instant time) {
        if (!Double.isFinite(latDeg) || !Double.isFinite(lonDeg)) {
            return List.of();
        }
        GateOutlines g = gates.get();
        Key key = new Key(kind, id);
        Last last = subjects.get(key);
        Set<String> inside = new HashSet<>();
        for (GateOutline gate : g.near(latDeg, lonDeg, latDeg, lonDeg)) {
            if (gate.contains(latDeg, lonDeg)) {
                inside.add(gate.id());
            }
        }
        if (last == null) {
            last = new Last();
            last.latDeg = latDeg;
            last.lonDeg = lonDeg;
            last.inside = inside;
            subjects.put(key, last);
            return List.of();
        }
        List<GateCrossing> out = new ArrayList<>();
        for (GateOutline gate : g.near(last.latDeg, last.lonDeg, latDeg, lonDeg)) {
            boolean was = last.inside.contains(gate.id());
            boolean is = inside.contains(gate.id());
            if (!was && is) {
                out.add(new GateCrossing(gate.id(), kind, id, CrossingDirection.IN, time, latDeg, lonDeg));
            } else if (was && !is) {
                out.add(new GateCrossing(gate.id(), kind, id, CrossingDirection.OUT, time, latDeg, lonDeg));
            } else if (!was && gate.touchedBy(last.latDeg, last.lonDeg, latDeg, lonDeg)) {
                out.add(new GateCrossing(gate.id(), kind, id, CrossingDirection.IN, time, latDeg, lonDeg));
                out.add(new GateCrossing(gate.id(), kind, id, CrossingDirection.OUT, time, latDeg, lonDeg));
            }
        }
        last.latDeg = latDeg;
        last.lonDeg = lonDeg;
        last.inside = inside;
        return out;
    }

    /** Forgets every subject of a kind not in {@code present} (gone from its registry); returns how many. */
    public int retain(SubjectKind kind, Set<String> present) {
        int before = subjects.size();
        subjects.keySet().removeIf(k -> k.kind() == kind && !present.contains(k.id()));
        return before - subjects.size();
    }

    /** Subjects whose position is remembered. */
    public int subjectCount() {
        return subjects.size();
    }
}
