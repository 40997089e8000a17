package org.skyfleet.planner.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * A plan as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude], rings closed, outer ring
 * counter-clockwise is not enforced). Features carry a {@code kind} property: "area", "zone",
 * "route" (one LineString per vehicle with its metrics), "waypoint" and "footprint".
 */
public final class GeoJsonExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJsonExport() {}

  /** An area and zones alone, before any plan (e.g. to show a request on the console map). */
  public static String areas(GeoPolygon area, List<AirspaceZone> zones) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    addAreas(fc.putArray("features"), area, zones);
    return write(fc);
  }

  /** The plan, the area it covers (may be null) and the zones it was planned against. */
  public static String plan(Plan plan, GeoPolygon area, List<AirspaceZone> zones) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    addAreas(features, area, zones);
    for (VehicleRoute r : plan.routes()) {
      ObjectNode f = feature(features, "route");
      f.put("vehicleId", r.vehicleId());
      f.put("lengthM", r.metrics().lengthM());
      f.put("turns", r.metrics().turns());
      f.put("flightTimeS", r.metrics().flightTimeS());
      ObjectNode geom = ((ObjectNode) features.get(features.size() - 1)).putObject("geometry");
      geom.put("type", "LineString");
      ArrayNode coords = geom.putArray("coordinates");
      for (Waypoint w : r.waypoints()) {
        coords.addArray().add(w.lonDeg()).add(w.latDeg()).add(w.altRelM());
      }
      for (int i = 0; i < r.waypoints().size(); i++) {
        Waypoint w = r.waypoints().get(i);
        ObjectNode p = feature(features, "waypoint");
        p.put("vehicleId", r.vehicleId());
        p.put("seq", i);
        p.put("action", w.action().name());
        p.put("altRelM", w.altRelM());
        ObjectNode g = ((ObjectNode) features.get(features.size() - 1)).putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(w.lonDeg()).add(w.latDeg());
      }
    }
    if (!plan.footprint().isEmpty()) {
      ObjectNode f = feature(features, "footprint");
      f.put("areaCoveredM2", plan.metrics().areaCoveredM2());
      f.put("coverageRatio", plan.metrics().coverageRatio());
      ObjectNode geom = ((ObjectNode) features.get(features.size() - 1)).putObject("geometry");
      geom.put("type", "MultiPolygon");
      ArrayNode polys = geom.putArray("coordinates");
      for (GeoPolygon p : plan.footprint()) {
        rings(polys.addArray(), p);
      }
    }
    return write(fc);
  }

  private static void addAreas(ArrayNode features, GeoPolygon area, List<AirspaceZone> zones) {
    if (area != null) {
      polygonFeature(features, area, "area").put("name", "area");
    }
    for (AirspaceZone z : zones == null ? List.<AirspaceZone>of() : zones) {
      polygonFeature(features, z.polygon(), "zone").put("name", z.name());
    }
  }

  private static String write(ObjectNode fc) {
    try {
      return JSON.writeValueAsString(fc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a GeoJSON tree", e);
    }
  }

  private static ObjectNode feature(ArrayNode features, String kind) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    ObjectNode props = f.putObject("properties");
    props.put("kind", kind);
    return props;
  }

  private static ObjectNode polygonFeature(ArrayNode features, GeoPolygon p, String kind) {
    ObjectNode props = feature(features, kind);
    ObjectNode geom = ((ObjectNode) features.get(features.size() - 1)).putObject("geometry");
    geom.put("type", "Polygon");
    rings(geom.putArray("coordinates"), p);
    return props;
  }

  private static void rings(ArrayNode out, GeoPolygon p) {
    ring(out.addArray(), p.outer());
    for (List<GeoPoint> h : p.holes()) {
      ring(out.addArray(), h);
    }
  }

  private static void ring(ArrayNode out, List<GeoPoint> ring) {
    for (GeoPoint g : ring) {
      out.addArray().add(g.lonDeg()).add(g.latDeg());
    }
    if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
      out.addArray().add(ring.get(0).lonDeg()).add(ring.get(0).latDeg());
    }
  }
}
