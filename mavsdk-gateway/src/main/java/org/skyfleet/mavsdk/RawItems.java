package org.skyfleet.mavsdk;

import io.mavsdk.mission_raw.MissionRawProto;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.proto.v1.MissionItem;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.proto.v1.WaypointAction;

/**
 * MAVLink mission items as a MAVSDK client uploads them, as SkyFleet waypoints (what SkyFleet checks, approves and
 * flies), and SkyFleet's mission items back as MAVSDK's.
 */
final class RawItems {
    static final int MAV_FRAME_GLOBAL = 0;
    static final int MAV_FRAME_MISSION = 2;
    static final int MAV_FRAME_GLOBAL_RELATIVE_ALT = 3;
    static final int MAV_FRAME_GLOBAL_INT = 5;
    static final int MAV_FRAME_GLOBAL_RELATIVE_ALT_INT = 6;
    static final int MAV_CMD_NAV_WAYPOINT = 16;
    static final int MAV_CMD_NAV_LOITER_TIME = 19;
    static final int MAV_CMD_NAV_RETURN_TO_LAUNCH = 20;
    static final int MAV_CMD_NAV_LAND = 21;
    static final int MAV_CMD_NAV_TAKEOFF = 22;
    static final int MAV_CMD_DO_CHANGE_SPEED = 178;

    private RawItems() {
    }

    /** Waypoints and the cruise speed they ask for (the last DO_CHANGE_SPEED's, or {@code defaultSpeedMS}). */
    record Route(List<Waypoint> waypoints, double cruiseSpeedMS) {
    }

    /** @throws IllegalArgumentException naming the first item SkyFleet cannot fly */
    static Route toRoute(List<MissionRawProto.MissionItem> items, double homeAltAmslM, double defaultSpeedMS) {
        List<Waypoint> out = new ArrayList<>();
        double speed = defaultSpeedMS;
        double lastLat = Double.NaN;
        double lastLon = Double.NaN;
        for (int i = 0; i < items.size(); i++) {
            MissionRawProto.MissionItem it = items.get(i);
            if (it.getMissionType() != 0) {
                throw new IllegalArgumentException("item " + i + ": only mission items (mission_type 0) are uploaded here");
            }
            int command = it.getCommand();
            if (command == MAV_CMD_DO_CHANGE_SPEED) {
                if (it.getParam2() > 0) {
                    speed = it.getParam2();
                }
                continue;
            }
            WaypointAction action = switch (command) {
                case MAV_CMD_NAV_WAYPOINT -> WaypointAction.WAYPOINT_ACTION_NAVIGATE;
                case MAV_CMD_NAV_TAKEOFF -> WaypointAction.WAYPOINT_ACTION_TAKEOFF;
                case MAV_CMD_NAV_LOITER_TIME -> WaypointAction.WAYPOINT_ACTION_LOITER;
                case MAV_CMD_NAV_LAND -> WaypointAction.WAYPOINT_ACTION_LAND;
                case MAV_CMD_NAV_RETURN_TO_LAUNCH -> WaypointAction.WAYPOINT_ACTION_RETURN_TO_LAUNCH;
                default -> throw new IllegalArgumentException("item " + i + ": MAV_CMD " + command
                        + " is not one SkyFleet missions fly (waypoint, takeoff, loiter time, land, return, change speed)");
            };
            double lat;
            double lon;
            double altRel;
            if (command == MAV_CMD_NAV_RETURN_TO_LAUNCH) {
                lat = lastLat;
                lon = lastLon;
                altRel = 0;
            } else {
                lat = it.getX() / 1e7;
                lon = it.getY() / 1e7;
                altRel = switch (it.getFrame()) {
                    case MAV_FRAME_GLOBAL_RELATIVE_ALT, MAV_FRAME_GLOBAL_RELATIVE_ALT_INT -> it.getZ();
                    case MAV_FRAME_GLOBAL, MAV_FRAME_GLOBAL_INT -> it.getZ() - homeAltAmslM;
                    default -> throw new IllegalArgumentException("item " + i + ": frame " + it.getFrame()
                            + " is not a global frame (0, 3, 5 or 6)");
                };
            }
            if (Double.isNaN(lat) || Double.isNaN(lon)) {
                throw new IllegalArgumentException("item " + i + ": a return to launch needs a position item before it");
            }
            lastLat = lat;
            lastLon = lon;
            out.add(Waypoint.newBuilder().setLatDeg(lat).setLonDeg(lon).setAltRelM(altRel).setAction(action)
                    .setHoldS(command == MAV_CMD_NAV_LOITER_TIME ? it.getParam1() : 0).build());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the mission has no position items");
        }
        return new Route(out, speed);
    }

    static MissionRawProto.MissionItem toMavsdk(MissionItem it, int currentSeq) {
        return MissionRawProto.MissionItem.newBuilder().setSeq(it.getSeq()).setFrame(it.getFrame()).setCommand(it.getCommand())
                .setCurrent(it.getSeq() == currentSeq ? 1 : 0).setAutocontinue(it.getAutocontinue() ? 1 : 0)
                .setParam1(it.getParam1()).setParam2(it.getParam2()).setParam3(it.getParam3()).setParam4(it.getParam4())
                .setX(it.getXDegE7()).setY(it.getYDegE7()).setZ(it.getZM()).setMissionType(0).build();
    }
}
