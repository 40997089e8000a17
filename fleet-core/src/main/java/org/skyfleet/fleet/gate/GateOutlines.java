package org.skyfleet.fleet.gate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.skyfleet.fleet.geofence.Zone;

/**
 * The gate zones among a set of zones, compiled and indexed by their bounding boxes (an STR-tree), so a
 * position is tested only against the gates near it: thousands of vessels and a few hundred gates stay cheap.
 * Immutable; rebuild it when the zones change.
 */
public final class GateOutlines {
    private final List<GateOutline> gates;
    private final STRtree index = new STRtree();

    private GateOutlines(List<GateOutline> gates) {
        this.gates = gates;
        for (GateOutline g : gates) {
            index.insert(g.geometry().getEnvelopeInternal(), g);
        }
        index.build();
    }

    /** The gates among {@code zones}; other zones are left out. */
    public static GateOutlines of(Collection<Zone> zones) {
        List<GateOutline> gates = new ArrayList<>();
        for (Zone z : zones) {
            if (z.category().isGate()) {
                gates.add(GateOutline.of(z));
            }
        }
        return new GateOutlines(List.copyOf(gates));
    }

    public List<GateOutline> all() {
        return gates;
    }

    /** Gates whose bounding box meets the box around the two points (a point: pass it twice). */
    @SuppressWarnings("unchecked")
    public List<GateOutline> near(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg) {
        if (gates.isEmpty()) {
            return List.of();
        }
        return index.query(new Envelope(lon1Deg, lon2Deg, lat1Deg, lat2Deg));
    }
}
