package org.skyfleet.planner.export;

import java.util.List;
import java.util.Locale;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * A plan as KML 2.2: the area, one LineString per vehicle (altitudes relative to ground, i.e. flat
 * terrain at home's elevation) and the coverage footprint, each a Placemark.
 */
public final class KmlExport {
  private KmlExport() {}

  public static String plan(Plan plan, GeoPolygon area, String name) {
    StringBuilder k = new StringBuilder();
    k.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    k.append("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
    k.append("<name>").append(escape(name)).append("</name>\n");
    if (area != null) {
      k.append("<Placemark><name>area</name>");
      polygon(k, area);
      k.append("</Placemark>\n");
    }
    for (VehicleRoute r : plan.routes()) {
      k.append("<Placemark><name>").append(escape(r.vehicleId())).append("</name>");
      k.append(String.format(Locale.ROOT, "<description>%.0f m, %d turns, %.0f s</description>",
          r.metrics().lengthM(), r.metrics().turns(), r.metrics().flightTimeS()));
      k.append("<LineString><altitudeMode>relativeToGround</altitudeMode><coordinates>");
      for (Waypoint w : r.waypoints()) {
        k.append(String.format(Locale.ROOT, "%.8f,%.8f,%.2f ", w.lonDeg(), w.latDeg(), w.altRelM()));
      }
      k.append("</coordinates></LineString></Placemark>\n");
    }
    if (!plan.footprint().isEmpty()) {
      k.append("<Placemark><name>footprint</name><MultiGeometry>");
      for (GeoPolygon p : plan.footprint()) {
        polygon(k, p);
      }
      k.append("</MultiGeometry></Placemark>\n");
    }
    k.append("</Document>\n</kml>\n");
    return k.toString();
  }

  private static void polygon(StringBuilder k, GeoPolygon p) {
    k.append("<Polygon><outerBoundaryIs><LinearRing><coordinates>");
    ring(k, p.outer());
    k.append("</coordinates></LinearRing></outerBoundaryIs>");
    for (List<GeoPoint> h : p.holes()) {
      k.append("<innerBoundaryIs><LinearRing><coordinates>");
      ring(k, h);
      k.append("</coordinates></LinearRing></innerBoundaryIs>");
    }
    k.append("</Polygon>");
  }

  private static void ring(StringBuilder k, List<GeoPoint> ring) {
    for (GeoPoint g : ring) {
      k.append(String.format(Locale.ROOT, "%.8f,%.8f ", g.lonDeg(), g.latDeg()));
    }
    if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
      k.append(String.format(Locale.ROOT, "%.8f,%.8f", ring.get(0).lonDeg(), ring.get(0).latDeg()));
    }
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
