package org.skyfleet.planner.export;

import static org.skyfleet.planner.export.MavlinkMissionItem.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * Reads a QGroundControl {@code .plan}: simple waypoint missions (take-off, waypoint, loiter time,
 * return to launch, land; speed changes are skipped) and geofences (polygons and circles, inclusion
 * or exclusion).
 *
 * <p>A take-off without a position (QGC writes 0, 0 or nulls) takes the planned home position.
 * Circles become 64-gons: circumscribed for exclusions and inscribed for inclusions, so the polygon
 * is never more permissive than the circle. Complex items (surveys, corridor scans) and other commands
 * are refused with INVALID_ARGUMENT naming the item.
 */
public final class QgcPlanImport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CIRCLE_SIDES = 64;

  private QgcPlanImport() {}

  /**
   * What a plan file holds.
   *
   * @param waypoints the mission's navigation items in order
   * @param plannedHome the planned home position, or null
   * @param inclusions inclusion fences
   * @param exclusions exclusion fences
   */
  public record Imported(List<Waypoint> waypoints, GeoPoint plannedHome, List<AirspaceZone> inclusions,
      List<AirspaceZone> exclusions) {}

  public static Imported parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw PlanningException.invalid("not a QGroundControl plan: " + e.getOriginalMessage());
    }
    if (root == null || !"Plan".equals(root.path("fileType").asText())) {
      throw PlanningException.invalid("not a QGroundControl plan: fileType must be \"Plan\"");
    }
    JsonNode mission = root.path("mission");
    GeoPoint home = null;
    JsonNode h = mission.path("plannedHomePosition");
    if (h.isArray() && h.size() >= 2) {
      home = new GeoPoint(h.get(0).asDouble(), h.get(1).asDouble()).validate("planned home");
    }
    List<Waypoint> wps = new ArrayList<>();
    JsonNode items = mission.path("items");
    for (int i = 0; i < items.size(); i++) {
      Waypoint w = item(items.get(i), i);
      if (w != null && w.action() == WaypointAction.TAKEOFF && w.latDeg() == 0 && w.lonDeg() == 0 && home != null) {
        w = new Waypoint(home.latDeg(), home.lonDeg(), w.altRelM(), WaypointAction.TAKEOFF, 0);
      }
      if (w != null && w.action() == WaypointAction.RETURN_TO_LAUNCH) {
        GeoPoint to = home != null ? home
            : wps.isEmpty() ? null : new GeoPoint(wps.get(0).latDeg(), wps.get(0).lonDeg());
        if (to == null) {
          throw PlanningException.invalid("mission item " + i + " returns to launch but the plan has no home");
        }
        w = new Waypoint(to.latDeg(), to.lonDeg(), 0, WaypointAction.RETURN_TO_LAUNCH, 0);
      }
      if (w != null) {
        wps.add(w);
      }
    }
    List<AirspaceZone> incl = new ArrayList<>();
    List<AirspaceZone> excl = new ArrayList<>();
    JsonNode fence = root.path("geoFence");
    JsonNode polygons = fence.path("polygons");
    for (int i = 0; i < polygons.size(); i++) {
      JsonNode p = polygons.get(i);
      List<GeoPoint> ring = new ArrayList<>();
      for (int k = 0; k < p.path("polygon").size(); k++) {
        JsonNode v = p.path("polygon").get(k);
        ring.add(new GeoPoint(v.path(0).asDouble(Double.NaN), v.path(1).asDouble(Double.NaN))
            .validate("fence polygon " + i + " vertex " + k));
      }
      boolean inclusion = p.path("inclusion").asBoolean(true);
      (inclusion ? incl : excl).add(AirspaceZone.of("fence polygon " + i, GeoPolygon.of(ring)));
    }
    JsonNode circles = fence.path("circles");
    for (int i = 0; i < circles.size(); i++) {
      JsonNode c = circles.get(i);
      JsonNode centre = c.path("circle").path("center");
      double r = c.path("circle").path("radius").asDouble(Double.NaN);
      if (!(r > 0)) {
        throw PlanningException.invalid("fence circle " + i + " has radius " + r + ": it must be above 0 m");
      }
      GeoPoint ctr = new GeoPoint(centre.path(0).asDouble(Double.NaN), centre.path(1).asDouble(Double.NaN))
          .validate("fence circle " + i + " centre");
      boolean inclusion = c.path("inclusion").asBoolean(true);
      (inclusion ? incl : excl).add(AirspaceZone.of("fence circle " + i, circle(ctr, r, !inclusion)));
    }
    return new Imported(wps, home, incl, excl);
  }

  private static Waypoint item(JsonNode it, int i) {
    if (!"SimpleItem".equals(it.path("type").asText())) {
      throw PlanningException.invalid("mission item " + i + " is a " + it.path("complexItemType").asText("complex item")
          + ", which is not supported: convert it to waypoints in QGroundControl");
    }
    int cmd = it.path("command").asInt(-1);
    JsonNode p = it.path("params");
    double lat = p.path(4).asDouble(0);
    double lon = p.path(5).asDouble(0);
    double alt = p.path(6).asDouble(0);
    double p1 = p.path(0).asDouble(0);
    WaypointAction action;
    switch (cmd) {
      case MAV_CMD_DO_CHANGE_SPEED -> {
        return null;
      }
      case MAV_CMD_NAV_WAYPOINT -> action = WaypointAction.NAVIGATE;
      case MAV_CMD_NAV_TAKEOFF -> action = WaypointAction.TAKEOFF;
      case MAV_CMD_NAV_LOITER_TIME -> action = WaypointAction.LOITER;
      case MAV_CMD_NAV_LAND -> action = WaypointAction.LAND;
      case MAV_CMD_NAV_RETURN_TO_LAUNCH -> {
        return new Waypoint(0, 0, 0, WaypointAction.RETURN_TO_LAUNCH, 0);
      }
      default -> throw PlanningException.invalid("mission item " + i + " has command " + cmd
          + ", which is not supported: use waypoints, take-off, loiter-time, land or return-to-launch");
    }
    new GeoPoint(lat, lon).validate("mission item " + i);
    return new Waypoint(lat, lon, alt, action, action == WaypointAction.TAKEOFF ? 0 : Math.max(0, p1));
  }

  private static GeoPolygon circle(GeoPoint centre, double radiusM, boolean circumscribed) {
    LocalFrame frame = new LocalFrame(centre);
    double r = circumscribed ? radiusM / Math.cos(Math.PI / CIRCLE_SIDES) : radiusM;
    List<GeoPoint> ring = new ArrayList<>();
    for (int k = 0; k < CIRCLE_SIDES; k++) {
      double a = 2 * Math.PI * k / CIRCLE_SIDES;
      ring.add(frame.toGeo(r * Math.cos(a), r * Math.sin(a)));
    }
    return GeoPolygon.of(ring);
  }
}
