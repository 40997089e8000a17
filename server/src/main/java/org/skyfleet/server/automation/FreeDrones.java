package org.skyfleet.server.automation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skyfleet.fleet.airframe.Endurance;
import org.skyfleet.fleet.airframe.EnduranceSource;
import java.util.Set;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The drones the automation may send: multicopters with a live link and a position, flying no mission,
 * not held by someone else's lease, not busy with another search, and charged enough. Those passed
 * over are listed with why, for the incident's record.
 */
final class FreeDrones {
    record Choice(List<CandidateDrone> candidates, List<String> passedOver) {
    }

    private final VehicleRegistry registry;
    private final ControlLeases leases;
    private final MissionBook missions;
    private final SearchProfile profile;
    private final Operator automation;

    private final EnduranceSource endurance;

    FreeDrones(VehicleRegistry registry, ControlLeases leases, MissionBook missions, SearchProfile profile, Operator automation) {
        this(registry, leases, missions, profile, automation, EnduranceSource.NONE);
    }

    /** @param endurance the flight time a drone may count on now, from its aircraft records; else the profile's full-battery time */
    FreeDrones(VehicleRegistry registry, ControlLeases leases, MissionBook missions, SearchProfile profile, Operator automation,
               EnduranceSource endurance) {
        this.endurance = endurance;
        this.registry = registry;
        this.leases = leases;
        this.missions = missions;
        this.profile = profile;
        this.automation = automation;
    }

    Choice find(Set<String> busy, Instant now) {
        List<CandidateDrone> out = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (VehicleState v : registry.all()) {
            if (v.identity().kind() != VehicleKind.MULTICOPTER) {
                continue;
            }
            String id = v.vehicleId();
            String why = reasonNotFree(v, busy, now);
            if (why != null) {
                passed.add(id + ": " + why);
                continue;
            }
            double battery = v.battery().remainingPercent();
            GeoPoint at = new GeoPoint(v.position().latDeg(), v.position().lonDeg());
            Endurance known = endurance.of(id).filter(e -> e.availableS() >= 0).orElse(null);
            out.add(known == null ? profile.candidate(id, at, battery) : profile.candidate(id, at, known));
        }
        return new Choice(out, passed);
    }

    private String reasonNotFree(VehicleState v, Set<String> busy, Instant now) {
        if (busy.contains(v.vehicleId())) {
            return "already on a search";
        }
        if (v.status().linkState() != LinkState.CONNECTED) {
            return "link " + v.status().linkState().name().toLowerCase(Locale.ROOT);
        }
        if (v.position() == null) {
            return "no position";
        }
        if (v.battery() == null || Double.isNaN(v.battery().remainingPercent())) {
            return "battery unknown";
        }
        if (v.battery().remainingPercent() < profile.minLaunchPercent()) {
            return String.format(Locale.ROOT, "%.0f %% battery, needs %.0f %%", v.battery().remainingPercent(),
                    profile.minLaunchPercent());
        }
        if (missions.activeOf(v.vehicleId()).isPresent()) {
            return "flying mission " + missions.activeOf(v.vehicleId()).get().missionId();
        }
        ControlLease lease = leases.current(v.vehicleId()).orElse(null);
        if (lease != null && lease.isLive(now) && !lease.holder().equals(automation)) {
            return "controlled by " + lease.holder();
        }
        return null;
    }
}
