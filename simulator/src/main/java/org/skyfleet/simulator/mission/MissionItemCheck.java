package org.skyfleet.simulator.mission;

import static org.skyfleet.simulator.mission.MissionPlanItem.*;

import io.dronefleet.mavlink.common.MavMissionResult;
import java.util.List;
import java.util.Set;
import org.skyfleet.simulator.vehicle.VehicleSpec;

/**
 * The checks PX4's mission feasibility and dataman apply as items arrive: an item the vehicle cannot
 * fly is refused with the MAV_MISSION_RESULT that names what is wrong, and the whole upload with it.
 */
public final class MissionItemCheck {
    /** Most items one transfer may carry. */
    public static final int CAPACITY = 1000;
    private static final Set<Integer> POSITION_FRAMES = Set.of(FRAME_GLOBAL, FRAME_GLOBAL_RELATIVE_ALT,
            FRAME_GLOBAL_INT, FRAME_GLOBAL_RELATIVE_ALT_INT);

    private final VehicleSpec spec;
    private final double homeAltAmslM;

    public MissionItemCheck(VehicleSpec spec, double homeAltAmslM) {
        this.spec = spec;
        this.homeAltAmslM = homeAltAmslM;
    }

    /** ACCEPTED, or the reason the item is refused. */
    public MavMissionResult check(MissionPlanItem item) {
        return switch (item.missionType()) {
            case MissionStore.MISSION -> checkMissionItem(item);
            case MissionStore.FENCE -> checkFenceItem(item);
            case MissionStore.RALLY -> item.command() == RALLY_POINT ? checkPosition(item)
                    : MavMissionResult.MAV_MISSION_UNSUPPORTED;
            default -> MavMissionResult.MAV_MISSION_INVALID;
        };
    }

    private MavMissionResult checkMissionItem(MissionPlanItem item) {
        int c = item.command();
        boolean rover = !spec.flies();
        if (c == DO_CHANGE_SPEED) {
            boolean keep = item.param2() == -1;
            return keep || (item.param2() > 0 && item.param2() <= spec.maxSpeedMps()) ? MavMissionResult.MAV_MISSION_ACCEPTED
                    : MavMissionResult.MAV_MISSION_INVALID_PARAM2;
        }
        if (c == NAV_RETURN_TO_LAUNCH) {
            return MavMissionResult.MAV_MISSION_ACCEPTED;
        }
        if ((c == NAV_TAKEOFF || c == NAV_LAND) && rover) {
            return MavMissionResult.MAV_MISSION_UNSUPPORTED;
        }
        if (c != NAV_WAYPOINT && c != NAV_LOITER_TIME && c != NAV_TAKEOFF && c != NAV_LAND) {
            return MavMissionResult.MAV_MISSION_UNSUPPORTED;
        }
        if (c == NAV_LOITER_TIME && !(item.param1() >= 0)) {
            return MavMissionResult.MAV_MISSION_INVALID_PARAM1;
        }
        MavMissionResult position = checkPosition(item);
        if (position != MavMissionResult.MAV_MISSION_ACCEPTED || rover) {
            return position;
        }
        double altRelM = item.altitudeIsAmsl() ? item.z() - homeAltAmslM : item.z();
        boolean altOk = c == NAV_LAND || (altRelM <= spec.maxAltRelM() && (altRelM > 0 || c == NAV_WAYPOINT && altRelM >= 0));
        return altOk ? MavMissionResult.MAV_MISSION_ACCEPTED : MavMissionResult.MAV_MISSION_INVALID_PARAM7;
    }

    private MavMissionResult checkFenceItem(MissionPlanItem item) {
        int c = item.command();
        if (c == FENCE_POLYGON_INCLUSION || c == FENCE_POLYGON_EXCLUSION) {
            if (!(item.param1() >= 3)) {
                return MavMissionResult.MAV_MISSION_INVALID_PARAM1;
            }
        } else if (c == FENCE_CIRCLE_INCLUSION || c == FENCE_CIRCLE_EXCLUSION) {
            if (!(item.param1() > 0)) {
                return MavMissionResult.MAV_MISSION_INVALID_PARAM1;
            }
        } else if (c != FENCE_RETURN_POINT) {
            return MavMissionResult.MAV_MISSION_UNSUPPORTED;
        }
        return checkPosition(item);
    }

    private static MavMissionResult checkPosition(MissionPlanItem item) {
        if (!POSITION_FRAMES.contains(item.frame())) {
            return MavMissionResult.MAV_MISSION_UNSUPPORTED_FRAME;
        }
        if (Math.abs((long) item.x()) > 900_000_000L) {
            return MavMissionResult.MAV_MISSION_INVALID_PARAM5_X;
        }
        if (Math.abs((long) item.y()) > 1_800_000_000L) {
            return MavMissionResult.MAV_MISSION_INVALID_PARAM6_Y;
        }
        return MavMissionResult.MAV_MISSION_ACCEPTED;
    }

    /** Checks a complete fence: each polygon's vertices are consecutive and as many as each vertex says. */
    public static MavMissionResult checkFencePolygons(List<MissionPlanItem> items) {
        int i = 0;
        while (i < items.size()) {
            MissionPlanItem first = items.get(i);
            int c = first.command();
            if (c == FENCE_POLYGON_INCLUSION || c == FENCE_POLYGON_EXCLUSION) {
                int n = Math.round(first.param1());
                for (int k = 0; k < n; k++) {
                    if (i + k >= items.size() || items.get(i + k).command() != c || Math.round(items.get(i + k).param1()) != n) {
                        return MavMissionResult.MAV_MISSION_INVALID;
                    }
                }
                i += n;
            } else {
                i++;
            }
        }
        return MavMissionResult.MAV_MISSION_ACCEPTED;
    }
}
