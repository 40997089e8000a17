package org.skyfleet.simulator.mission;

import static org.skyfleet.simulator.mission.MissionPlanItem.*;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * A geofence as PX4 stores it: inclusion and exclusion polygons and circles from the fence items.
 * A position is allowed when it is inside every inclusion shape (if there are any) and outside every
 * exclusion shape. Geometry runs in the world's local frame, metres.
 */
public final class Fence {
    private record Polygon(double[] eastM, double[] northM) {
        boolean contains(double e, double n) {
            boolean inside = false;
            for (int i = 0, j = eastM.length - 1; i < eastM.length; j = i++) {
                if ((northM[i] > n) != (northM[j] > n)
                        && e < (eastM[j] - eastM[i]) * (n - northM[i]) / (northM[j] - northM[i]) + eastM[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    private record Circle(double eastM, double northM, double radiusM) {
        boolean contains(double e, double n) {
            return Math.hypot(e - eastM, n - northM) <= radiusM;
        }
    }

    private final List<Polygon> inclusionPolygons = new ArrayList<>();
    private final List<Polygon> exclusionPolygons = new ArrayList<>();
    private final List<Circle> inclusionCircles = new ArrayList<>();
    private final List<Circle> exclusionCircles = new ArrayList<>();

    /** Builds the fence from checked fence items (see {@link MissionItemCheck#checkFencePolygons}). */
    public static Fence of(List<MissionPlanItem> items, LocalFrame frame) {
        Fence f = new Fence();
        int i = 0;
        while (i < items.size()) {
            MissionPlanItem it = items.get(i);
            int c = it.command();
            if (c == FENCE_POLYGON_INCLUSION || c == FENCE_POLYGON_EXCLUSION) {
                int n = Math.round(it.param1());
                double[] e = new double[n];
                double[] no = new double[n];
                for (int k = 0; k < n; k++) {
                    e[k] = frame.eastM(items.get(i + k).lonDeg());
                    no[k] = frame.northM(items.get(i + k).latDeg());
                }
                (c == FENCE_POLYGON_INCLUSION ? f.inclusionPolygons : f.exclusionPolygons).add(new Polygon(e, no));
                i += n;
                continue;
            }
            if (c == FENCE_CIRCLE_INCLUSION || c == FENCE_CIRCLE_EXCLUSION) {
                Circle circle = new Circle(frame.eastM(it.lonDeg()), frame.northM(it.latDeg()), it.param1());
                (c == FENCE_CIRCLE_INCLUSION ? f.inclusionCircles : f.exclusionCircles).add(circle);
            }
            i++;
        }
        return f;
    }

    public boolean isEmpty() {
        return inclusionPolygons.isEmpty() && exclusionPolygons.isEmpty() && inclusionCircles.isEmpty()
                && exclusionCircles.isEmpty();
    }

    /** True when the position (metres in the local frame) is where the fence allows the vehicle. */
    public boolean allows(double eastM, double northM) {
        for (Polygon p : inclusionPolygons) {
            if (!p.contains(eastM, northM)) {
                return false;
            }
        }
        for (Circle c : inclusionCircles) {
            if (!c.contains(eastM, northM)) {
                return false;
            }
        }
        for (Polygon p : exclusionPolygons) {
            if (p.contains(eastM, northM)) {
                return false;
            }
        }
        for (Circle c : exclusionCircles) {
            if (c.contains(eastM, northM)) {
                return false;
            }
        }
        return true;
    }
}
