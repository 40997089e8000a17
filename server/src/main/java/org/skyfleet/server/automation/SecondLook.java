package org.skyfleet.server.automation;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.server.mission.MissionControl;

/**
 * A searching drone turns back for a second look at a possible person ({@link SecondLookRule}): its mission is
 * paused (MAV_CMD_DO_PAUSE_CONTINUE), it is sent over the spot at its altitude (DO_REPOSITION), holds there for
 * {@link SecondLookRule#HOLD_S} s once within {@link #ARRIVED_M}, and its mission resumes at the leg it left.
 * The tracker sees the hover's detections like any others: a third hit in the burst confirms the track and the
 * response takes the drone over (its mission superseded), which ends the look. A battery recall, the search's
 * end or a pilot's command end it too: the look resumes only a mission it paused and that is still paused.
 * One look per track; one at a time per drone. On the automation thread.
 */
final class SecondLook {
    /** Over the spot: within this, horizontally. */
    static final double ARRIVED_M = 5;
    /** A look that has not arrived after this long (blocked, slowed by wind) resumes the mission anyway. */
    static final long GIVE_UP_S = 90;
    static final int REMEMBERED_LOOKS = 10_000;

    private static final class Look {
        final String incidentId;
        final String trackId;
        final String vehicleId;
        final String missionId;
        final Sortie sortie;
        final GeoPoint spot;
        final Instant startedAt;
        /** The pause was acknowledged and the drone sent over the spot. */
        boolean sent;
        Instant arrivedAt;

        Look(String incidentId, String trackId, Sortie sortie, GeoPoint spot, Instant startedAt) {
            this.incidentId = incidentId;
            this.trackId = trackId;
            this.vehicleId = sortie.vehicleId;
            this.missionId = sortie.missionId;
            this.sortie = sortie;
            this.spot = spot;
            this.startedAt = startedAt;
        }
    }

    private final Operator operator;
    private final VehicleRegistry registry;
    private final MissionControl missions;
    private final VehicleCommands commands;
    private final IncidentBook incidents;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final AutomationThread thread;
    private final Map<String, Look> byVehicle = new LinkedHashMap<>();
    /** Tracks looked at, the latest {@value #REMEMBERED_LOOKS}: a track is looked at once; old ones are long dropped. */
    private final Set<String> lookedAt = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_LOOKS;
        }
    });

    SecondLook(Operator operator, VehicleRegistry registry, MissionControl missions, VehicleCommands commands,
               IncidentBook incidents, AuditJournal audit, InstantSource clock, AutomationThread thread) {
        this.thread = thread;
        this.operator = operator;
        this.registry = registry;
        this.missions = missions;
        this.commands = commands;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sends the drone for a look if it is flying the incident's search mission, near the spot, not already looking,
     * and the track was not looked at before.
     *
     * @return whether the drone was sent
     */
    boolean start(SearchRun run, String trackId, String vehicleId, GeoPoint spot) {
        Sortie s = run.sortiesByVehicle.get(vehicleId);
        if (run.found || run.ended_ || s == null || s.phase != Sortie.Phase.FLYING || byVehicle.containsKey(vehicleId)
                || lookedAt.contains(trackId)) {
            return false;
        }
        Optional<Mission> m = missions.book().find(s.missionId);
        VehicleState v = registry.find(vehicleId).orElse(null);
        if (m.isEmpty() || m.get().state() != MissionState.FLYING || v == null || v.position() == null
                || GreatCircle.distanceM(new GeoPoint(v.position().latDeg(), v.position().lonDeg()), spot)
                > SecondLookRule.MAX_DISTANCE_M) {
            return false;
        }
        lookedAt.add(trackId);
        double altRelM = v.position().altRelM();
        Look look = new Look(run.incidentId, trackId, s, spot, clock.instant());
        byVehicle.put(vehicleId, look);
        try {
            missions.pause(operator, s.missionId).whenComplete((paused, error) -> thread.execute(() -> {
                if (error != null || !paused.command().accepted()) {
                    abandon(look, error != null ? error.getMessage() : "pause refused: " + paused.command().result());
                } else if (byVehicle.get(vehicleId) != look || !stillLooking(look, missions.book().find(look.missionId).orElse(null))) {
                    byVehicle.remove(vehicleId, look); // recalled or found meanwhile (their own entries say so): not sent off its way
                } else {
                    reposition(look, altRelM);
                }
            }));
        } catch (RuntimeException e) {
            byVehicle.remove(vehicleId);
            audit.append(operator.toString(), "second look", vehicleId, "track " + trackId + ": " + e.getMessage(), "REFUSED");
            return false;
        }
        incidents.record(run.incidentId, TimelineEntry.of(clock.instant(), TimelineKind.NOTE, operator.subject(), String.format(
                        Locale.ROOT, "%s turns back for a second look at a possible person (track %s), %d s over the spot",
                        vehicleId, trackId, SecondLookRule.HOLD_S))
                .withVehicle(vehicleId).withTrack(trackId).withCode("SECOND_LOOK")
                .withParams("vehicle", vehicleId, "track", trackId, "hold_s", SecondLookRule.HOLD_S));
        audit.append(operator.toString(), "second look", vehicleId, "incident " + run.incidentId + " track " + trackId
                + " mission " + s.missionId, "PAUSED");
        return true;
    }

    private void reposition(Look look, double altRelM) {
        commands.send(look.vehicleId, VehicleCommand.goTo(look.spot.latDeg(), look.spot.lonDeg(), altRelM))
                .whenComplete((sent, error) -> thread.execute(() -> {
                    if (error == null && sent.accepted()) {
                        look.sent = true;
                    } else {
                        abandon(look, error != null ? error.getMessage() : "reposition refused: " + sent.result());
                    }
                }));
    }

    /** Once a second: a look over the spot long enough, or that never got there, resumes its mission. */
    void check() {
        Instant now = clock.instant();
        for (Iterator<Look> it = byVehicle.values().iterator(); it.hasNext(); ) {
            Look look = it.next();
            if (!look.sent) {
                continue; // the pause and the reposition are on their way; their answer sends it or ends it
            }
            Mission m = missions.book().find(look.missionId).orElse(null);
            if (!stillLooking(look, m)) {
                it.remove(); // superseded by the response, aborted by a recall or the search's end, or resumed by a pilot
                continue;
            }
            VehicleState v = registry.find(look.vehicleId).orElse(null);
            if (look.arrivedAt == null && v != null && v.position() != null && GreatCircle.distanceM(
                    new GeoPoint(v.position().latDeg(), v.position().lonDeg()), look.spot) <= ARRIVED_M) {
                look.arrivedAt = now;
            }
            boolean held = look.arrivedAt != null && !now.isBefore(look.arrivedAt.plusSeconds(SecondLookRule.HOLD_S));
            boolean gaveUp = look.arrivedAt == null && !now.isBefore(look.startedAt.plusSeconds(GIVE_UP_S));
            if (held || gaveUp) {
                it.remove();
                resume(look, held);
            }
        }
    }

    /** Resumes the mission the look paused; the timeline says so once the vehicle accepted, or says it refused. */
    private void resume(Look look, boolean held) {
        try {
            missions.resume(operator, look.missionId).whenComplete((r, error) -> thread.execute(() -> {
                if (error != null || !r.command().accepted()) {
                    refused(look, error != null ? error.getMessage() : r.command().result() + " " + r.command().detail());
                    return;
                }
                incidents.record(look.incidentId, TimelineEntry.of(clock.instant(), TimelineKind.NOTE, operator.subject(),
                                String.format(Locale.ROOT, "%s resumes its search after a second look at track %s%s",
                                        look.vehicleId, look.trackId, held ? "" : " (it did not reach the spot)"))
                        .withVehicle(look.vehicleId).withTrack(look.trackId)
                        .withCode(held ? "SECOND_LOOK_RESUMED" : "SECOND_LOOK_NOT_REACHED")
                        .withParams("vehicle", look.vehicleId, "track", look.trackId));
                audit.append(operator.toString(), "second look over", look.vehicleId, "incident " + look.incidentId + " track "
                        + look.trackId + (held ? "" : ": spot not reached in " + GIVE_UP_S + " s"), "RESUMED");
            }));
        } catch (RuntimeException e) { // the lease was taken over or the mission ended meanwhile
            refused(look, e.getMessage());
        }
    }

    /** The mission could not be resumed: the drone holds where it is until its pilot or its battery recall acts. */
    private void refused(Look look, String why) {
        audit.append(operator.toString(), "second look", look.vehicleId, "resume refused: " + why, "FAILED");
        incidents.record(look.incidentId, TimelineEntry.of(clock.instant(), TimelineKind.NOTE, operator.subject(), String.format(
                        Locale.ROOT, "%s could not resume its search after a second look at track %s: %s", look.vehicleId,
                        look.trackId, why))
                .withVehicle(look.vehicleId).withTrack(look.trackId).withCode("SECOND_LOOK_RESUME_REFUSED")
                .withParams("vehicle", look.vehicleId, "track", look.trackId, "reason", why == null ? "" : why));
    }

    /**
     * The look's mission is still the one it paused, and its sortie still searching. A recall or the response sets the
     * sortie's phase at once, while its abort or supersession reaches the mission only with the vehicle's answer: a
     * resume sent in between would take the drone off its way home and back onto the mission.
     */
    private static boolean stillLooking(Look look, Mission m) {
        return m != null && m.state() == MissionState.PAUSED && look.sortie.phase == Sortie.Phase.FLYING;
    }

    /** A look whose pause or reposition the vehicle refused: its mission resumes if it was paused. */
    private void abandon(Look look, String why) {
        if (byVehicle.remove(look.vehicleId) != look) {
            return;
        }
        audit.append(operator.toString(), "second look", look.vehicleId, "track " + look.trackId + ": " + why, "FAILED");
        incidents.record(look.incidentId, TimelineEntry.of(clock.instant(), TimelineKind.NOTE, operator.subject(), String.format(
                        Locale.ROOT, "%s could not take the second look at track %s: %s", look.vehicleId, look.trackId, why))
                .withVehicle(look.vehicleId).withTrack(look.trackId).withCode("SECOND_LOOK_FAILED")
                .withParams("vehicle", look.vehicleId, "track", look.trackId, "reason", why == null ? "" : why));
        try {
            missions.book().find(look.missionId).filter(m -> stillLooking(look, m))
                    .ifPresent(m -> missions.resume(operator, look.missionId));
        } catch (RuntimeException e) {
            audit.append(operator.toString(), "second look", look.vehicleId, "resume: " + e.getMessage(), "FAILED");
        }
    }
}
