package org.skyfleet.planner.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A route and its geofence as a QGroundControl {@code .plan} file (JSON, plan version 1, mission
 * version 2). Items are the MAVLink items of {@link MavlinkMissionExport} as QGC "SimpleItem"s
 * (frame 3, the non-INT relative-altitude frame QGC writes; NaN parameters as null). Exclusion and
 * inclusion zones become geofence polygons (outer rings; altitude bands are not expressible in a
 * QGC fence).
 */
public final class QgcPlanExport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FIRMWARE_PX4 = 12;
  private static final int VEHICLE_QUADROTOR = 2;
  private static final int VEHICLE_GROUND_ROVER = 10;

  private QgcPlanExport() {}

  public static String toJson(VehicleRoute route, VehicleKind kind, GeoPoint home, double cruiseSpeedMps,
      Airspace airspace) {
    ObjectNode root = JSON.createObjectNode();
    root.put("fileType", "Plan");
    root.put("version", 1);
    root.put("groundStation", "QGroundControl");
    ObjectNode mission = root.putObject("mission");
    mission.put("version", 2);
    mission.put("firmwareType", FIRMWARE_PX4);
    mission.put("vehicleType", kind == VehicleKind.GROUND_ROBOT ? VEHICLE_GROUND_ROVER : VEHICLE_QUADROTOR);
    mission.put("cruiseSpeed", cruiseSpeedMps);
    mission.put("hoverSpeed", cruiseSpeedMps);
    mission.putArray("plannedHomePosition").add(home.latDeg()).add(home.lonDeg()).add(0);
    ArrayNode items = mission.putArray("items");
    for (MavlinkMissionItem m : MavlinkMissionExport.items(route, cruiseSpeedMps)) {
      ObjectNode it = items.addObject();
      it.put("type", "SimpleItem");
      it.put("autoContinue", m.autocontinue());
      it.put("command", m.command());
      it.put("doJumpId", m.seq() + 1);
      boolean position = m.frame() == MavlinkMissionItem.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT;
      it.put("frame", position ? MavlinkMissionItem.MAV_FRAME_GLOBAL_RELATIVE_ALT : m.frame());
      ArrayNode params = it.putArray("params");
      for (float p : new float[] {m.param1(), m.param2(), m.param3(), m.param4()}) {
        addNumber(params, p);
      }
      params.add(m.xDegE7() / 1e7).add(m.yDegE7() / 1e7).add(m.zM());
      it.putNull("AMSLAltAboveTerrain");
      it.put("Altitude", m.zM());
      it.put("AltitudeMode", 1);
    }
    ObjectNode fence = root.putObject("geoFence");
    fence.put("version", 2);
    ArrayNode polygons = fence.putArray("polygons");
    Airspace a = airspace == null ? Airspace.OPEN : airspace;
    addZones(polygons, a.inclusions(), true);
    addZones(polygons, a.exclusions(), false);
    fence.putArray("circles");
    ObjectNode rally = root.putObject("rallyPoints");
    rally.put("version", 2);
    rally.putArray("points");
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a plan tree", e);
    }
  }

  private static void addNumber(ArrayNode params, float p) {
    if (Float.isNaN(p)) {
      params.addNull();
    } else {
      params.add(p);
    }
  }

  private static void addZones(ArrayNode polygons, List<AirspaceZone> zones, boolean inclusion) {
    for (AirspaceZone z : zones) {
      ObjectNode poly = polygons.addObject();
      poly.put("inclusion", inclusion);
      ArrayNode pts = poly.putArray("polygon");
      List<GeoPoint> ring = z.polygon().outer();
      int n = ring.size();
      if (n > 1 && ring.get(0).equals(ring.get(n - 1))) {
        n--;
      }
      for (int i = 0; i < n; i++) {
        pts.addArray().add(ring.get(i).latDeg()).add(ring.get(i).lonDeg());
      }
      poly.put("version", 1);
    }
  }
}
