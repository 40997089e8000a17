package org.skyfleet.planner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.PathMeasure;

/**
 * Coverage quality against the geometric lower bound (area / sweep width), with planning time.
 *
 * <p>For each area: sweep length (first to last survey waypoint) over the lower bound, the same over
 * the lower bound plus one sweep-width connector per U-turn, turns, coverage ratio, and the median
 * planning time over {@code -Druns} runs after {@code -Dwarmup} warm-up runs. Prints the table and writes
 * it to {@code -Dresults} (default {@code ../bench/planner/planner-quality.txt}, relative to the module directory).
 */
public final class PlannerQualityBench {
  public static void main(String[] args) throws IOException {
    int warmup = Integer.getInteger("warmup", 30);
    int runs = Integer.getInteger("runs", 21);
    Path out = Path.of(System.getProperty("results", "../bench/planner/planner-quality.txt"));
    MissionPlanner planner = new MissionPlanner();
    double w = BenchAreas.CAMERA.sweepWidthM();
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "sweep width %.1f m (hFov 70 deg, 60 m AGL, 20%% side overlap); "
        + "median of %d runs after %d warm-up; %s, %d cores%n", w, runs, warmup,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors()));
    table.append(String.format(Locale.ROOT, "%-16s %9s %6s %6s %8s %12s %6s %9s %9s%n",
        "area", "area km2", "verts", "holes", "len/LB", "len/(LB+U)", "turns", "coverage", "plan ms"));
    for (Map.Entry<String, GeoPolygon> c : BenchAreas.all().entrySet()) {
      PlanRequest req = BenchAreas.request(c.getValue());
      for (int i = 0; i < warmup; i++) {
        planner.plan(req);
      }
      double[] ms = new double[runs];
      Plan plan = null;
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        plan = planner.plan(req);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      Polygon local = AreaGeometry.project(c.getValue(), TestAreas.FRAME, PlannerLimits.DEFAULTS, "area");
      double lb = local.getArea() / w;
      List<Coordinate> sweep = surveyPart(plan.routes().get(0).waypoints());
      double len = PathMeasure.lengthM(sweep);
      int turns = PathMeasure.turns(sweep);
      table.append(String.format(Locale.ROOT, "%-16s %9.3f %6d %6d %8.3f %12.3f %6d %8.2f%% %9.1f%n",
          c.getKey(), local.getArea() / 1e6, c.getValue().vertexCount(), c.getValue().holes().size(), len / lb,
          len / (lb + turns / 2.0 * w), turns, plan.metrics().coverageRatio() * 100, ms[runs / 2]));
    }
    System.out.print(table);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, table.toString());
    System.out.println("written to " + out.toAbsolutePath().normalize());
  }

  private static List<Coordinate> surveyPart(List<Waypoint> wps) {
    int first = -1, last = -1;
    for (int i = 0; i < wps.size(); i++) {
      if (wps.get(i).action() == WaypointAction.SURVEY) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    List<Coordinate> out = new ArrayList<>();
    for (int i = first; i <= last && first >= 0; i++) {
      out.add(TestAreas.FRAME.toLocal(new GeoPoint(wps.get(i).latDeg(), wps.get(i).lonDeg())));
    }
    return out;
  }
}
