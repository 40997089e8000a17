package org.skyfleet.server.vessel;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.fleet.vessel.DeadReckoning;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.vessel.VesselAlertRecord.State;

/**
 * The drone check (空中查) of a sea-gate alert: the nearest free, charged multicopter takes off and orbits the
 * vessel's predicted position; a boat sighted by that drone near it clears the alert (and closes its incident),
 * no boat within {@link Limits#searchFor} confirms it. Every step is on the alert's incident timeline and in the
 * audit journal. Runs on the sea gate's thread; vehicle answers hop back onto it.
 */
final class VesselCheck {
    static final Operator OPERATOR = new Operator("automation-seagate", Operator.Role.AUTOMATION);

    /** Tunables of the check flight. */
    record Limits(double altitudeM, double orbitRadiusM, double orbitSpeedMps, double minBatteryPercent, double foundWithinM,
                  Duration searchFor, Duration leaseTtl, Duration waitForDrone) {
        static Limits defaults() {
            return new Limits(60, 80, 8, 40, 600, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(2));
        }
    }

    /** Where the check writes: the alert book and the incident timeline. */
    interface Outcomes {
        void update(String alertId, State state, String droneId, String outcome);

        Optional<IncidentBook> incidents();
    }

    private record Flight(String alertId, String droneId, GeoPoint centre, Instant launchedAt) {
    }

    private final org.skyfleet.fleet.vehicle.VehicleRegistry vehicles;
    private final VehicleCommands commands;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final Executor thread;
    private final Limits limits;
    private final Outcomes outcomes;
    private final Map<String, Flight> flightsByDrone = new HashMap<>();

    VesselCheck(org.skyfleet.fleet.vehicle.VehicleRegistry vehicles, VehicleCommands commands, ControlLeases leases, AuditJournal audit,
                InstantSource clock, Executor thread, Limits limits, Outcomes outcomes) {
        this.vehicles = vehicles;
        this.commands = commands;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
        this.thread = thread;
        this.limits = limits;
        this.outcomes = outcomes;
    }

    /** Sends the nearest free drone to orbit the alert's predicted position. */
    void launch(VesselAlertRecord r, Operator approvedBy) {
        GeoPoint centre = r.alert().predicted();
        Instant now = clock.instant();
        Optional<VehicleState> drone = vehicles.all().stream().filter(v -> free(v, now))
                .min(Comparator.comparingDouble(v -> DeadReckoning.distanceM(v.position().latDeg(), v.position().lonDeg(),
                        centre.latDeg(), centre.lonDeg())));
        if (drone.isEmpty()) {
            if (java.time.Duration.between(r.alert().raisedAt(), now).compareTo(limits.waitForDrone()) < 0) {
                outcomes.update(r.alert().alertId(), State.OPEN, "", "waiting for a free drone"); // tried again next tick
                return;
            }
            note(r, TimelineKind.NOTE, null, "no drone free and charged for the check within "
                    + limits.waitForDrone().toSeconds() + " s: for the watch officer to act on");
            outcomes.update(r.alert().alertId(), State.NO_DRONE, "", "no drone free");
            return;
        }
        String id = drone.get().vehicleId();
        try {
            leases.acquire(id, OPERATOR, limits.leaseTtl());
        } catch (LeaseConflictException | IllegalArgumentException e) {
            outcomes.update(r.alert().alertId(), State.NO_DRONE, id, id + ": " + e.getMessage());
            return;
        }
        flightsByDrone.put(id, new Flight(r.alert().alertId(), id, centre, now));
        outcomes.update(r.alert().alertId(), State.CHECKING, id, "");
        audit.append(OPERATOR.toString(), "vessel check launch", id, "alert " + r.alert().alertId() + " MMSI " + r.alert().mmsi()
                + (approvedBy == null ? " (policy: automatic)" : " (approved by " + approvedBy + ")"), "LAUNCHING");
        boolean onGround = drone.get().position().altRelM() < limits.altitudeM() / 4;
        (onGround ? commands.send(id, VehicleCommand.arm()).thenCompose(a -> commands.send(id, VehicleCommand.takeoff(limits.altitudeM())))
                : commands.send(id, VehicleCommand.hold()))
                .thenCompose(t -> {
                    if (!t.accepted()) {
                        throw new IllegalStateException("take-off refused: " + t.result() + " " + t.detail());
                    }
                    thread.execute(() -> note(r, TimelineKind.DRONE_LAUNCHED, id, String.format(Locale.ROOT,
                            "%s launched to check MMSI %d at %.5f, %.5f", id, r.alert().mmsi(), centre.latDeg(), centre.lonDeg())));
                    return commands.send(id, VehicleCommand.orbit(centre.latDeg(), centre.lonDeg(), limits.altitudeM(),
                            limits.orbitRadiusM(), limits.orbitSpeedMps()));
                })
                .whenComplete((orbit, error) -> thread.execute(() -> {
                    if (error == null && orbit.accepted()) {
                        note(r, TimelineKind.DRONE_ORBITING, id, String.format(Locale.ROOT, "%s orbiting the predicted position "
                                + "at %.0f m radius, %.0f m up", id, limits.orbitRadiusM(), limits.altitudeM()));
                    } else {
                        String why = error != null ? root(error) : "orbit refused: " + orbit.result();
                        end(id, r, State.NO_DRONE, "check flight failed: " + why);
                    }
                }));
    }

    /** A track changed: a boat seen by a checking drone near where it looks clears that drone's alert. */
    void onTrack(Track t, java.util.function.Function<String, Optional<Sighting>> sightings, Map<String, VesselAlertRecord> alerts) {
        if (t.targetClass() != TargetClass.BOAT || t.sightingIds().isEmpty()) {
            return;
        }
        Optional<Sighting> last = sightings.apply(t.sightingIds().get(t.sightingIds().size() - 1));
        if (last.isEmpty()) {
            return;
        }
        Flight f = flightsByDrone.get(last.get().sourceId());
        if (f == null) {
            return;
        }
        double d = DeadReckoning.distanceM(t.latDeg(), t.lonDeg(), f.centre().latDeg(), f.centre().lonDeg());
        if (d > limits.foundWithinM()) {
            return;
        }
        VesselAlertRecord r = alerts.get(f.alertId());
        if (r == null) {
            return;
        }
        String text = String.format(Locale.ROOT, "boat sighted by %s %.0f m from the predicted position (track %s, "
                + "confidence %.2f): alert cleared", f.droneId(), d, t.id(), last.get().confidence());
        outcomes.incidents().ifPresent(book -> {
            if (!r.incidentId().isEmpty()) {
                book.record(r.incidentId(), TimelineEntry.of(clock.instant(), TimelineKind.SIGHTING, f.droneId(), text)
                        .withVehicle(f.droneId()).withTrack(t.id()).withSighting(last.get().id()));
                book.close(r.incidentId(), "vessel found by the drone check: alert cleared", OPERATOR.subject());
            }
        });
        end(f.droneId(), r, State.CLEARED, text);
    }

    /** Every few seconds: keeps the checking drones' leases, and ends checks that found nothing in time. */
    void tick(Map<String, VesselAlertRecord> alerts) {
        Instant now = clock.instant();
        for (Flight f : flightsByDrone.values().toArray(Flight[]::new)) {
            VesselAlertRecord r = alerts.get(f.alertId());
            if (r == null) {
                flightsByDrone.remove(f.droneId());
                continue;
            }
            if (Duration.between(f.launchedAt(), now).compareTo(limits.searchFor()) >= 0) {
                end(f.droneId(), r, State.CONFIRMED, "no boat seen within " + limits.searchFor().toMinutes()
                        + " min of the check: the alert stands");
                continue;
            }
            try {
                leases.acquire(f.droneId(), OPERATOR, limits.leaseTtl()); // renews our own lease
            } catch (LeaseConflictException e) {
                end(f.droneId(), r, State.NO_DRONE, "the check lost its drone: " + e.getMessage());
            }
        }
    }

    /** Drones flying checks now. */
    java.util.Set<String> drones() {
        return java.util.Set.copyOf(flightsByDrone.keySet());
    }

    private void end(String droneId, VesselAlertRecord r, State state, String why) {
        if (flightsByDrone.remove(droneId) != null) {
            commands.send(droneId, VehicleCommand.returnToLaunch())
                    .whenComplete((o, e) -> thread.execute(() -> leases.release(droneId, OPERATOR)));
        }
        if (state != State.CLEARED) {
            note(r, TimelineKind.NOTE, droneId, why);
        }
        audit.append(OPERATOR.toString(), "vessel check end", droneId, "alert " + r.alert().alertId() + ": " + why, state.name());
        outcomes.update(r.alert().alertId(), state, droneId, why);
    }

    private boolean free(VehicleState v, Instant now) {
        if (v.identity().kind() != VehicleKind.MULTICOPTER || v.status().linkState() != LinkState.CONNECTED || v.position() == null
                || flightsByDrone.containsKey(v.vehicleId())) {
            return false;
        }
        if (v.battery() == null || Double.isNaN(v.battery().remainingPercent()) || v.battery().remainingPercent() < limits.minBatteryPercent()) {
            return false;
        }
        ControlLease lease = leases.current(v.vehicleId()).orElse(null);
        return lease == null || !lease.isLive(now) || lease.holder().equals(OPERATOR);
    }

    private void note(VesselAlertRecord r, TimelineKind kind, String vehicleId, String text) {
        if (r.incidentId().isEmpty()) {
            return;
        }
        outcomes.incidents().ifPresent(book -> {
            TimelineEntry e = TimelineEntry.of(clock.instant(), kind, OPERATOR.subject(), text);
            book.record(r.incidentId(), vehicleId == null ? e : e.withVehicle(vehicleId));
        });
    }

    private static String root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
