package org.skyfleet.server.automation;

import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.server.mission.MissionControl;

/**
 * Follows the drones flying a search, on the automation thread: where they are, once a second; what their
 * cameras covered, taught to the map; their leases, kept; and a drone that is done (its mission over, or down
 * on the ground), which frees it and its segment for the next plan.
 */
final class SortieFollowing {
    private final Operator operator;
    private final VehicleRegistry registry;
    private final MissionControl missions;
    private final ControlLeases leases;
    private final IncidentBook incidents;
    private final InstantSource clock;
    private final SearchProfile profile;
    private final SortieControl.Notes notes;
    /** Told (incident id, vehicle id) when a drone of a search is back on the ground. */
    private final java.util.function.BiConsumer<String, String> onLanded;

    SortieFollowing(Operator operator, VehicleRegistry registry, MissionControl missions, ControlLeases leases,
                    IncidentBook incidents, InstantSource clock, SearchProfile profile, SortieControl.Notes notes) {
        this(operator, registry, missions, leases, incidents, clock, profile, notes, (i, v) -> { });
    }

    SortieFollowing(Operator operator, VehicleRegistry registry, MissionControl missions, ControlLeases leases,
                    IncidentBook incidents, InstantSource clock, SearchProfile profile, SortieControl.Notes notes,
                    java.util.function.BiConsumer<String, String> landed) {
        this.onLanded = landed;
        this.operator = operator;
        this.registry = registry;
        this.missions = missions;
        this.leases = leases;
        this.incidents = incidents;
        this.clock = clock;
        this.profile = profile;
        this.notes = notes;
    }

    /** Records where the searching drones are (once a second). */
    void sample(Collection<SearchRun> runs) {
        for (SearchRun run : runs) {
            for (Sortie s : run.sortiesByVehicle.values()) {
                if (s.phase != Sortie.Phase.FLYING) {
                    continue;
                }
                VehicleState v = registry.find(s.vehicleId).orElse(null);
                if (v == null || v.position() == null) {
                    continue;
                }
                s.airborneSeen |= org.skyfleet.fleet.airframe.ConsumptionLearner.airborne(v);
                boolean missionFlying = missions.book().find(s.missionId).map(m -> m.state() == MissionState.FLYING).orElse(false);
                s.samples.add(SearchSampling.sample(v.position().latDeg(), v.position().lonDeg(), v.position().altRelM(),
                        v.position().headingDeg(), missionFlying));
            }
        }
    }

    /** The map learns what the cameras covered since the last update; the incident shows the new cumulative POS. */
    void updateMap(SearchRun run) {
        boolean changed = false;
        for (Sortie s : run.sortiesByVehicle.values()) {
            try {
                ProbabilityMap next = SearchEffort.apply(run.map, s.samples, profile);
                if (next != run.map) {
                    run.map = next;
                    changed = true;
                }
            } catch (IllegalStateException e) {
                notes.note(run.incidentId, s.vehicleId, "map not updated: " + e.getMessage());
            }
        }
        if (changed) {
            double pos = run.map.cumulativePos();
            incidents.update(run.incidentId, i -> i.withSearch(i.search().withCumulativePos(pos)), null);
        }
    }

    void renewLeases(SearchRun run) {
        for (Sortie s : run.sortiesByVehicle.values()) {
            if (s.phase == Sortie.Phase.LAUNCHING || s.phase == Sortie.Phase.FLYING || s.phase == Sortie.Phase.RETURNING) {
                try {
                    leases.acquire(s.vehicleId, operator, SortieControl.LEASE_TTL);
                } catch (LeaseConflictException e) {
                    // a commander took the drone over: it is theirs now
                    s.phase = Sortie.Phase.ENDED;
                    notes.note(run.incidentId, s.vehicleId, "taken over: " + e.getMessage());
                }
            }
        }
    }

    /** A mission that ended, or a drone back on the ground, frees its drone and its segment. */
    void followSorties(SearchRun run) {
        for (Sortie s : List.copyOf(run.sortiesByVehicle.values())) {
            Mission m = missions.book().find(s.missionId).orElse(null);
            VehicleState v = registry.find(s.vehicleId).orElse(null);
            boolean missionOver = m != null && (m.state().isFinal() || m.state() == MissionState.FAILED);
            boolean landed = v != null && v.status().landedState() == LandedState.ON_GROUND && !v.status().armed();
            if (s.phase == Sortie.Phase.FLYING && missionOver) {
                s.phase = Sortie.Phase.RETURNING;
            } else if (s.phase == Sortie.Phase.FLYING && landed && s.airborneSeen && m != null && m.state().isActive()) {
                // down without finishing: a failsafe or a pilot on the sticks ended the flight
                missions.supersede(operator, m.missionId(), "vehicle landed before the mission ended");
                s.phase = Sortie.Phase.RETURNING;
            }
            if (s.phase == Sortie.Phase.RETURNING && landed) {
                s.phase = Sortie.Phase.ENDED;
                run.ended.add(s);
                run.sortiesByVehicle.remove(s.vehicleId);
                leases.release(s.vehicleId, operator);
                onLanded.accept(run.incidentId, s.vehicleId);
                double battery = v.battery() == null ? Double.NaN : v.battery().remainingPercent();
                incidents.record(run.incidentId, TimelineEntry.of(clock.instant(), TimelineKind.DRONE_RETURNED, operator.subject(),
                        String.format(Locale.ROOT, "%s back on the ground (%s, %.0f %% battery); cumulative POS %.0f%%", s.vehicleId,
                                m == null ? "no mission" : "mission " + m.state().name().toLowerCase(Locale.ROOT), battery,
                                100 * run.map.cumulativePos())).withVehicle(s.vehicleId)
                        .withCode(m == null ? "DRONE_RETURNED_NO_MISSION" : "DRONE_RETURNED")
                        .withParams("vehicle", s.vehicleId, "mission", m == null ? "" : m.missionId(),
                                "mission_state", m == null ? "" : m.state().name(),
                                "battery_percent", String.format(Locale.ROOT, "%.0f", battery),
                                "pos_percent", String.format(Locale.ROOT, "%.0f", 100 * run.map.cumulativePos())));
            }
        }
    }
}
