package org.skyfleet.server.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Zones as MAVLink fence items (MAV_MISSION_TYPE_FENCE), so that the autopilot enforces them itself
 * when the link is lost: MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION/EXCLUSION (5001/5002, param1 the
 * vertex count, one item per vertex) and MAV_CMD_NAV_FENCE_CIRCLE_INCLUSION/EXCLUSION (5003/5004, param1
 * the radius in metres). Autopilot fences are two-dimensional: a polygon's holes and the altitude band
 * stay with the ground station's enforcement.
 */
public final class FenceItems {
    static final int MAV_FRAME_GLOBAL_INT = 5;
    static final int POLYGON_INCLUSION = 5001;
    static final int POLYGON_EXCLUSION = 5002;
    static final int CIRCLE_INCLUSION = 5003;
    static final int CIRCLE_EXCLUSION = 5004;

    private FenceItems() {
    }

    /** Items for the zones in force at {@code at}, in order. */
    public static List<MissionItem> of(Collection<Zone> zones, Instant at) {
        List<MissionItem> items = new ArrayList<>();
        for (Zone z : zones) {
            if (z.schedule() != null && !z.schedule().isActiveAt(at)) {
                continue;
            }
            boolean inclusion = z.kind() == ZoneKind.INCLUSION;
            if (z.shape() instanceof ZoneShape.Circle c) {
                items.add(item(inclusion ? CIRCLE_INCLUSION : CIRCLE_EXCLUSION, (float) c.radiusM(), c.centre()));
            } else {
                List<GeoPoint> ring = ((ZoneShape.Polygon) z.shape()).polygon().outer();
                for (GeoPoint p : ring) {
                    items.add(item(inclusion ? POLYGON_INCLUSION : POLYGON_EXCLUSION, ring.size(), p));
                }
            }
        }
        return items;
    }

    private static MissionItem item(int command, float param1, GeoPoint p) {
        return new MissionItem(MAV_FRAME_GLOBAL_INT, command, param1, 0, 0, 0, MissionItem.degE7(p.latDeg()),
                MissionItem.degE7(p.lonDeg()), 0, true);
    }
}
