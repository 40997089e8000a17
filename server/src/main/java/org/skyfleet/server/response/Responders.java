package org.skyfleet.server.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.response.Responder;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The drones free to answer a call: multicopters on the ground (at a dock or pad) with a live link, a position
 * and a known battery, flying no mission, held by nobody else and used by no search or other response; each
 * with what its aircraft profile says it can do (a drone bound to no profile flies as {@link #UNPROFILED}).
 */
final class Responders {
    /** What a drone without a profile is taken to be: a small quadrotor, no thermal camera. */
    static final AirframeFigures UNPROFILED = new AirframeFigures(10, 3, 10, 1500, false);

    record AirframeFigures(double cruiseSpeedMps, double climbRateMps, double windLimitMps, double enduranceS, boolean thermal) {
        static AirframeFigures of(AirframeProfile p) {
            String payload = p.payload().toLowerCase(Locale.ROOT);
            boolean thermal = payload.contains("thermal") || payload.contains("红外") || payload.contains("ir camera");
            return new AirframeFigures(p.cruiseSpeedMps(), Math.max(0.5, p.climbRateMps()), p.windLimitMps(), p.ratedEnduranceS(),
                    thermal);
        }
    }

    private final VehicleRegistry registry;
    private final ControlLeases leases;
    private final MissionBook missions;
    private final Operator operator;
    private final Function<String, java.util.Optional<AirframeProfile>> airframes;

    Responders(VehicleRegistry registry, ControlLeases leases, MissionBook missions, Operator operator,
               Function<String, java.util.Optional<AirframeProfile>> airframes) {
        this.registry = registry;
        this.leases = leases;
        this.missions = missions;
        this.operator = operator;
        this.airframes = airframes;
    }

    List<Responder> free(Set<String> busy, Instant now) {
        List<Responder> out = new ArrayList<>();
        for (VehicleState v : registry.all()) {
            if (v.identity().kind() != VehicleKind.MULTICOPTER || busy.contains(v.vehicleId())
                    || v.status().linkState() != LinkState.CONNECTED || v.position() == null || v.battery() == null
                    || Double.isNaN(v.battery().remainingPercent()) || v.status().landedState() == LandedState.IN_AIR
                    || missions.activeOf(v.vehicleId()).isPresent()) {
                continue;
            }
            ControlLease lease = leases.current(v.vehicleId()).orElse(null);
            if (lease != null && lease.isLive(now) && !lease.holder().equals(operator)) {
                continue;
            }
            out.add(of(v));
        }
        return out;
    }

    /** The drone as a responder, from its latest state and its profile. */
    Responder of(VehicleState v) {
        AirframeFigures f = figures(v.vehicleId());
        return new Responder(v.vehicleId(), new GeoPoint(v.position().latDeg(), v.position().lonDeg()), v.battery().remainingPercent(),
                f.cruiseSpeedMps(), f.climbRateMps(), f.windLimitMps(), f.enduranceS(), f.thermal());
    }

    AirframeFigures figures(String vehicleId) {
        return airframes.apply(vehicleId).map(AirframeFigures::of).orElse(UNPROFILED);
    }
}
