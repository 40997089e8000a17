package org.skyfleet.planner.export;

import static org.skyfleet.planner.export.MavlinkMissionItem.*;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;

/**
 * A route as MAVLink mission items.
 *
 * <p>Mapping: TAKEOFF → NAV_TAKEOFF followed by DO_CHANGE_SPEED (ground speed) ; NAVIGATE, SURVEY and
 * ORBIT → NAV_WAYPOINT (param1 = hold time) ; LOITER → NAV_LOITER_TIME (param1 = time) ;
 * RETURN_TO_LAUNCH → NAV_RETURN_TO_LAUNCH ; LAND → NAV_LAND. A route that does not start with a
 * take-off (ground robot) starts with DO_CHANGE_SPEED. Positions use frame GLOBAL_RELATIVE_ALT_INT,
 * commands frame MISSION. Items are numbered from 0 with no home item: PX4 and ArduPilot both take
 * the mission from seq 0 through MISSION_ITEM_INT (ArduPilot then sets its own home at seq 0).
 */
public final class MavlinkMissionExport {
  private MavlinkMissionExport() {}

  public static List<MavlinkMissionItem> items(VehicleRoute route, double cruiseSpeedMps) {
    List<MavlinkMissionItem> out = new ArrayList<>();
    List<Waypoint> wps = route.waypoints();
    boolean speedSet = false;
    for (int i = 0; i < wps.size(); i++) {
      Waypoint w = wps.get(i);
      int lat = degE7(w.latDeg());
      int lon = degE7(w.lonDeg());
      float alt = (float) w.altRelM();
      if (!speedSet && w.action() != WaypointAction.TAKEOFF) {
        out.add(speed(out.size(), cruiseSpeedMps));
        speedSet = true;
      }
      int seq = out.size();
      switch (w.action()) {
        case TAKEOFF -> out.add(new MavlinkMissionItem(seq, MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, MAV_CMD_NAV_TAKEOFF,
            0, 0, 0, Float.NaN, lat, lon, alt, true));
        case LOITER -> out.add(new MavlinkMissionItem(seq, MAV_FRAME_GLOBAL_RELATIVE_ALT_INT,
            MAV_CMD_NAV_LOITER_TIME, (float) w.holdS(), 0, 0, 0, lat, lon, alt, true));
        case RETURN_TO_LAUNCH -> out.add(new MavlinkMissionItem(seq, MAV_FRAME_MISSION,
            MAV_CMD_NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0, true));
        case LAND -> out.add(new MavlinkMissionItem(seq, MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, MAV_CMD_NAV_LAND,
            0, 0, 0, Float.NaN, lat, lon, 0, true));
        default -> out.add(new MavlinkMissionItem(seq, MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, MAV_CMD_NAV_WAYPOINT,
            (float) w.holdS(), 0, 0, Float.NaN, lat, lon, alt, true));
      }
      if (w.action() == WaypointAction.TAKEOFF && !speedSet) {
        out.add(speed(out.size(), cruiseSpeedMps));
        speedSet = true;
      }
    }
    return out;
  }

  private static MavlinkMissionItem speed(int seq, double cruiseSpeedMps) {
    return new MavlinkMissionItem(seq, MAV_FRAME_MISSION, MAV_CMD_DO_CHANGE_SPEED, 1, (float) cruiseSpeedMps, -1, 0,
        0, 0, 0, true);
  }
}
