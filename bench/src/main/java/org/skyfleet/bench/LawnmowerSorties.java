package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skyfleet.fleet.search.DistanceDistribution;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.SplitPolicy;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.automation.SearchProfile;

/**
 * (B) The baseline: one COVERAGE lawnmower over the circle of the category's p95 distance around the LKP
 * (a 64-gon), shared among the drones with {@link SplitPolicy#ALL_VEHICLES}.
 *
 * <p>The circle is far larger than four batteries can sweep (DEMENTIA p95 = 5.8 km: about 106 km², some
 * 2,000 km of track), so the planner's energy rule refuses the plan with the drones' real endurance. The
 * plan is therefore drawn with an endurance stretched to fit (twice the time one drone would need for the
 * whole area); the batteries then decide how much of it is flown: each drone turns home when its real budget
 * (1,200 s less the reserve) runs out, and after each battery swap, as (A), flies on from where it broke off.
 */
final class LawnmowerSorties implements SearchTrial.Sorties {
    static final int CIRCLE_VERTICES = 64;

    private final MissionPlanner planner;
    private final SearchProfile profile;
    private final LocalFrame frame;
    private final GeoPoint commandPost;
    private final double p95M;

    LawnmowerSorties(SearchScenario scenario, DistanceQuantiles quantiles, SearchProfile profile, MissionPlanner planner) {
        this.planner = planner;
        this.profile = profile;
        this.frame = new LocalFrame(scenario.lastKnownPoint());
        this.commandPost = frame.toGeo(scenario.commandPostM()[0], scenario.commandPostM()[1]);
        this.p95M = DistanceDistribution.of(quantiles).p95M();
    }

    LocalFrame frame() {
        return frame;
    }

    @Override
    public Map<String, List<double[]>> firstWave(List<BenchDrone> drones) {
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < CIRCLE_VERTICES; i++) {
            double a = 2 * Math.PI * i / CIRCLE_VERTICES;
            ring.add(frame.toGeo(p95M * Math.sin(a), p95M * Math.cos(a)));
        }
        double areaM2 = 0.5 * CIRCLE_VERTICES * p95M * p95M * Math.sin(2 * Math.PI / CIRCLE_VERTICES);
        double stretchedS = 2 * areaM2 / (profile.camera().sweepWidthM() * profile.cruiseSpeedMps());
        List<VehicleProfile> vehicles = drones.stream().map(d -> new VehicleProfile(d.id, VehicleKind.MULTICOPTER,
                commandPost, commandPost, profile.cruiseSpeedMps(), SearchTrial.CLIMB_MPS, stretchedS, 100)).toList();
        Plan plan = planner.plan(PlanRequest.coverage(GeoPolygon.of(ring), profile.camera(), vehicles, Airspace.OPEN,
                SplitPolicy.ALL_VEHICLES));
        Map<String, List<double[]>> out = new HashMap<>();
        for (VehicleRoute r : plan.routes()) {
            out.put(r.vehicleId(), ProbabilitySorties.local(r.waypoints(), frame));
        }
        return out;
    }

    @Override
    public Optional<List<double[]>> next(BenchDrone drone, Map<String, List<FlownSample>> flown, List<BenchDrone> all,
                                         int nowS) {
        return drone.unflown.isEmpty() ? Optional.empty() : Optional.of(drone.unflown);
    }
}
