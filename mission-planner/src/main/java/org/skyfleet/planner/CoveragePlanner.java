package org.skyfleet.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyfleet.planner.coverage.BoustrophedonCoverage;
import org.skyfleet.planner.coverage.CoverageCost;
import org.skyfleet.planner.coverage.CoverageFootprint;
import org.skyfleet.planner.coverage.GreedyTwoOptCellOrder;
import org.skyfleet.planner.coverage.SweepDirection;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.route.LocalPath;
import org.skyfleet.planner.split.AreaSplitter;
import org.skyfleet.planner.split.CapacityShares;
import org.skyfleet.planner.validation.Violation;

/**
 * COVERAGE: validates the area, picks the sweep direction once, shares the area among the vehicles the
 * split policy allows (strips along the sweep direction, sized so all finish together) and covers each
 * part with {@link BoustrophedonCoverage}. With {@link SplitPolicy#AS_NEEDED} vehicles are added one at
 * a time until every part fits its battery.
 */
final class CoveragePlanner {
  /** Coverage below this ratio is reported as a warning. */
  static final double COVERAGE_WARNING_RATIO = 0.99;
  /** Largest change of a share accepted to put a cut on the sweep grid. */
  private static final double SNAP_TOLERANCE = 0.01;
  /** Re-splits after measuring the routes, to even out transit and turn time. */
  private static final int BALANCING_ROUNDS = 2;
  /** Flight-time spread, relative to the mean, below which the split counts as balanced. */
  private static final double BALANCED_SPREAD = 0.05;
  /** Most directions tried when looking for a cut that keeps every part in one piece. */
  private static final int MAX_CUT_ANGLES = 12;

  private final PlannerLimits limits;
  private final EnergyModel energy;
  private final CoverageCost cost;
  private final BoustrophedonCoverage coverage;
  private final RouteFinisher finisher = new RouteFinisher();

  CoveragePlanner(PlannerLimits limits, EnergyModel energy) {
    this.limits = limits;
    this.energy = energy;
    this.cost = new CoverageCost(limits.turnPenaltyM());
    this.coverage = new BoustrophedonCoverage(cost, new GreedyTwoOptCellOrder(), limits);
  }

  private record Attempt(List<RouteFinisher.Finished> routes, List<Geometry> footprints) {
    boolean ok() {
      return routes.stream().allMatch(RouteFinisher.Finished::ok);
    }
  }

  Plan plan(PlanRequest r) {
    if (r.camera() == null) {
      throw PlanningException.invalid("coverage needs a camera model to derive the sweep width");
    }
    double w = r.camera().sweepWidthM();
    List<VehicleProfile> vehicles = MissionPlanner.requireVehicles(r);
    AreaGeometry.checkInput(r.area(), limits, "area");
    LocalFrame frame = AreaGeometry.frameFor(r.area());
    Polygon area = AreaGeometry.project(r.area(), frame, limits, "area");
    double alt = r.camera().altitudeAglM();
    PlanContext ctx = PlanContext.of(r, limits, energy, frame, alt);
    coverage.checkSize(area, w);
    double angle = SweepDirection.choose(area, w, cost);
    Attempt attempt = null;
    switch (r.split()) {
      case FIRST_VEHICLE -> attempt = attempt(ctx, area, angle, w, vehicles.subList(0, 1));
      case ALL_VEHICLES -> attempt = attempt(ctx, area, angle, w, vehicles);
      case AS_NEEDED -> {
        for (int k = 1; k <= vehicles.size(); k++) {
          attempt = attempt(ctx, area, angle, w, vehicles.subList(0, k));
          if (attempt.ok()) {
            break;
          }
        }
      }
    }
    if (attempt.routes().isEmpty()) {
      throw PlanningException.precondition("no part of the area can be flown: it lies within the exclusion zones "
          + ctx.airspace().exclusions().keySet() + " (plus the " + limits.exclusionMarginM()
          + " m margin) or outside the inclusion zones");
    }
    attempt.routes().forEach(RouteFinisher::requireOk);
    return assemble(ctx, area, w, attempt);
  }

  private Attempt attempt(PlanContext ctx, Polygon area, double sweepAngle, double w, List<VehicleProfile> given) {
    double alt = ctx.request().camera().altitudeAglM();
    double angle = given.size() < 2 ? sweepAngle : AreaSplitter.contiguousCutAngle(area, cutAngles(area, sweepAngle),
        given.size());
    double sin = Math.sin(angle), cos = Math.cos(angle);
    List<VehicleProfile> vs = new ArrayList<>(given);
    vs.sort(Comparator.comparingDouble(v -> {
      Coordinate c = ctx.local(v.start());
      return -c.x * sin + c.y * cos;
    }));
    double[] speeds = new double[vs.size()];
    double[] caps = new double[vs.size()];
    for (int i = 0; i < vs.size(); i++) {
      VehicleProfile v = vs.get(i);
      double climb = v.kind() == VehicleKind.MULTICOPTER ? 2 * alt / v.climbRateMps() : 0;
      double usable = v.availableS() - ctx.request().reserve().reserveS(v.enduranceS()) - climb;
      speeds[i] = v.cruiseSpeedMps();
      caps[i] = Math.max(0, usable) * v.cruiseSpeedMps() * w / area.getArea();
    }
    double[] shares = CapacityShares.of(speeds, caps);
    Attempt best = cover(ctx, area, angle, w, vs, shares);
    for (int round = 0; round < BALANCING_ROUNDS && vs.size() > 1 && best.routes().size() == vs.size(); round++) {
      double[] times = best.routes().stream().mapToDouble(f -> f.route().metrics().flightTimeS()).toArray();
      DoubleSummaryStatistics stats = Arrays.stream(times).summaryStatistics();
      double mean = stats.getAverage();
      double spread = (stats.getMax() - stats.getMin()) / mean;
      if (spread < BALANCED_SPREAD) {
        break;
      }
      double sum = 0;
      for (int i = 0; i < shares.length; i++) {
        shares[i] = Math.min(caps[i], shares[i] * mean / times[i]);
        sum += shares[i];
      }
      for (int i = 0; i < shares.length; i++) {
        shares[i] /= sum;
      }
      best = cover(ctx, area, angle, w, vs, shares);
    }
    return best;
  }

  /**
   * Directions to try cutting along, best first: the sweep direction, across it, then the other
   * candidate sweep directions (at most {@link #MAX_CUT_ANGLES}).
   */
  private static List<Double> cutAngles(Polygon area, double sweepAngle) {
    List<Double> out = new ArrayList<>(List.of(sweepAngle, sweepAngle + Math.PI / 2));
    for (double a : SweepDirection.candidates(area)) {
      if (out.size() >= MAX_CUT_ANGLES) {
        break;
      }
      out.add(a);
    }
    return out;
  }

  /** Splits by the shares and covers each part with its vehicle, each part at its own best angle. */
  private Attempt cover(PlanContext ctx, Polygon area, double angle, double w, List<VehicleProfile> vs,
      double[] shares) {
    double alt = ctx.request().camera().altitudeAglM();
    List<Geometry> parts = AreaSplitter.split(area, angle, shares, w, SNAP_TOLERANCE);
    List<RouteFinisher.Finished> routes = new ArrayList<>();
    List<Geometry> footprints = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      Geometry part = parts.get(i);
      if (part.isEmpty() || part.getArea() < 1.0) {
        continue;
      }
      VehicleProfile v = vs.get(i);
      LocalPath path = ctx.begin(v, alt);
      double partAngle = vs.size() > 1 && part instanceof Polygon p ? SweepDirection.choose(p, w, cost) : angle;
      BoustrophedonCoverage.Result run =
          coverage.cover(part, w, partAngle, ctx.airspace(), path, ctx.local(v.home()),
              PlanContext.altitudeFor(v, alt));
      if (run.swaths() == 0) {
        continue;
      }
      ctx.end(path, v, alt);
      CoverageFootprint fp = CoverageFootprint.of(path.points(), w, part);
      footprints.add(fp.footprint());
      routes.add(finisher.finish(ctx, v, path, part, fp.coveredM2(), fp.ratio()));
    }
    return new Attempt(routes, footprints);
  }

  private Plan assemble(PlanContext ctx, Polygon area, double w, Attempt a) {
    Geometry covered = a.footprints().size() == 1 ? a.footprints().get(0) : UnaryUnionOp.union(a.footprints());
    double coveredM2 = covered.getArea();
    double ratio = coveredM2 / area.getArea();
    List<Violation> warnings = new ArrayList<>();
    List<VehicleRoute> routes = new ArrayList<>();
    double length = 0, time = 0;
    int turns = 0;
    for (RouteFinisher.Finished f : a.routes()) {
      routes.add(f.route());
      warnings.addAll(f.violations());
      length += f.route().metrics().lengthM();
      turns += f.route().metrics().turns();
      time = Math.max(time, f.route().metrics().flightTimeS());
    }
    if (ratio < COVERAGE_WARNING_RATIO) {
      warnings.add(Violation.warning("coverage", -1, String.format(Locale.ROOT,
          "%.1f%% of the area is within half a sweep width of the path (exclusion zones or the routing margin"
              + " cut into it)", ratio * 100)));
    }
    return new Plan(Pattern.COVERAGE, routes, new PlanMetrics(length, turns, time, coveredM2, ratio),
        RouteFinisher.polygons(covered, ctx), w, warnings);
  }
}
