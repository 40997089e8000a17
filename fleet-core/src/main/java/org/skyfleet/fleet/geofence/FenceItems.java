package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * The zones that apply to one vehicle at one time as MAVLink fence items (mission type FENCE), for the
 * autopilot's own geofence as a second line behind the server's monitor.
 *
 * <p>Mapping: a polygon becomes one MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION (5001) or _EXCLUSION
 * (5002) item per vertex, param1 = vertex count (inclusion group 0); a circle one
 * MAV_CMD_NAV_FENCE_CIRCLE_INCLUSION (5003) or _EXCLUSION (5004), param1 = radius in metres; frame
 * MAV_FRAME_GLOBAL (0), altitude 0. A closing vertex equal to the first is dropped.
 *
 * <p>Degenerate cases, all on the strict side: MAVLink fences have no holes, so a hole of an operating
 * area becomes an exclusion polygon and a hole of a no-fly zone is dropped (the autopilot keeps out of
 * all of it); they are horizontal only, so altitude bands are not sent (the autopilot's FENCE_ALT_MAX
 * parameter is the ceiling); schedules are evaluated once, at {@code at}.
 */
public final class FenceItems {
    static final int MAV_FRAME_GLOBAL = 0;
    static final int POLYGON_VERTEX_INCLUSION = 5001;
    static final int POLYGON_VERTEX_EXCLUSION = 5002;
    static final int CIRCLE_INCLUSION = 5003;
    static final int CIRCLE_EXCLUSION = 5004;

    private FenceItems() {
    }

    /** The fence items for the zones that apply to {@code vehicleId} / {@code kind} and are active at {@code at}. */
    public static List<MissionItem> forVehicle(Collection<Zone> zones, String vehicleId, VehicleKind kind, Instant at) {
        List<MissionItem> items = new ArrayList<>();
        for (Zone z : zones) {
            if (!ZoneIndex.applies(z, vehicleId, kind, at)) {
                continue;
            }
            boolean inclusion = z.kind() == ZoneKind.INCLUSION;
            if (z.shape() instanceof ZoneShape.Circle c) {
                items.add(item(inclusion ? CIRCLE_INCLUSION : CIRCLE_EXCLUSION, (float) c.radiusM(), c.centre()));
                continue;
            }
            GeoPolygon p = ((ZoneShape.Polygon) z.shape()).polygon();
            polygon(items, inclusion ? POLYGON_VERTEX_INCLUSION : POLYGON_VERTEX_EXCLUSION, p.outer());
            if (inclusion) {
                p.holes().forEach(h -> polygon(items, POLYGON_VERTEX_EXCLUSION, h));
            }
        }
        return items;
    }

    private static void polygon(List<MissionItem> items, int command, List<GeoPoint> ring) {
        List<GeoPoint> open = ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1))
                ? ring.subList(0, ring.size() - 1) : ring;
        for (GeoPoint g : open) {
            items.add(item(command, open.size(), g));
        }
    }

    private static MissionItem item(int command, float param1, GeoPoint g) {
        return new MissionItem(MAV_FRAME_GLOBAL, command, param1, 0, 0, 0, MissionItem.degE7(g.latDeg()),
                MissionItem.degE7(g.lonDeg()), 0, true);
    }
}
