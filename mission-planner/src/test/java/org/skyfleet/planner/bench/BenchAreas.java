package org.skyfleet.planner.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.SplitPolicy;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPolygon;

/** The benchmark areas: rectangle, L-shape, coastline and 10 holes, at 1 km² and 25 km². */
final class BenchAreas {
  static final CameraModel CAMERA = new CameraModel(70, 60, 20);

  private BenchAreas() {}

  static Map<String, GeoPolygon> all() {
    Map<String, GeoPolygon> out = new LinkedHashMap<>();
    for (double side : new double[] {1000, 5000}) {
      String km2 = side == 1000 ? "1km2" : "25km2";
      out.put("rectangle-" + km2, TestAreas.rectangle(side * 1.6, side / 1.6));
      out.put("L-shape-" + km2, TestAreas.lShape(side / Math.sqrt(0.75)));
      out.put("coastline-" + km2, TestAreas.coastline(side * 1.25, 7));
      out.put("10-holes-" + km2, TestAreas.withHoles(side, 10, 3));
    }
    return out;
  }

  static PlanRequest request(GeoPolygon area) {
    return PlanRequest.coverage(area, CAMERA, List.of(TestAreas.drone("d1", -50, -50)), Airspace.OPEN,
        SplitPolicy.FIRST_VEHICLE);
  }
}
