package org.skyfleet.server.automation;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import java.util.List;
import org.skyfleet.fleet.search.DroneAssignment;
import org.skyfleet.fleet.search.SortieAssignment;
import org.skyfleet.planner.PlanMetrics;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.server.mission.MissionControl;

/**
 * Puts one search drone in the air and takes it out again, as the search's operator: the launch is
 * lease, mission (created, approved, uploaded and read back), arm, start; each step that fails ends the
 * sortie, gives the lease back and says why on the incident's timeline. Runs on the automation thread;
 * the vehicle's answers come back onto it.
 */
final class SortieControl {
    static final Duration LEASE_TTL = Duration.ofMinutes(5);

    /** Writes a note about a vehicle on an incident's timeline. */
    @FunctionalInterface
    interface Notes {
        void note(String incidentId, String vehicleId, String text);
    }

    private final Operator operator;
    private final IncidentBook incidents;
    private final MissionControl missions;
    private final VehicleCommands commands;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final AutomationThread thread;
    private final SearchProfile profile;
    private final Notes notes;
    /** Told (incident id, vehicle id) when a drone is in the air on a search; answers its sortie number for the incident. */
    private final java.util.function.ToIntBiFunction<String, String> launched;

    SortieControl(Operator operator, IncidentBook incidents, MissionControl missions, VehicleCommands commands,
                  ControlLeases leases, AuditJournal audit, InstantSource clock, AutomationThread thread, SearchProfile profile,
                  Notes notes) {
        this(operator, incidents, missions, commands, leases, audit, clock, thread, profile, notes, (i, v) -> 1);
    }

    SortieControl(Operator operator, IncidentBook incidents, MissionControl missions, VehicleCommands commands,
                  ControlLeases leases, AuditJournal audit, InstantSource clock, AutomationThread thread, SearchProfile profile,
                  Notes notes, java.util.function.ToIntBiFunction<String, String> launched) {
        this.launched = launched;
        this.operator = operator;
        this.incidents = incidents;
        this.missions = missions;
        this.commands = commands;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
        this.thread = thread;
        this.profile = profile;
        this.notes = notes;
    }

    /**
     * Launches one drone on its sortie (one or more segments, one mission); the sortie joins the run at once and
     * leaves it if the launch fails.
     */
    void launch(SearchRun run, SortieAssignment a) {
        String vehicleId = a.droneId();
        Sortie sortie = new Sortie(vehicleId, a.segmentIds());
        String segment = sortie.segmentId;
        try {
            leases.acquire(vehicleId, operator, LEASE_TTL);
        } catch (LeaseConflictException | IllegalArgumentException e) {
            notes.note(run.incidentId, vehicleId, "not launched: " + e.getMessage());
            return;
        }
        run.sortiesByVehicle.put(vehicleId, sortie);
        Mission m = missions.create(operator, vehicleId, route(a), profile.cruiseSpeedMps());
        sortie.missionId = m.missionId();
        missions.approve(operator, m.missionId());
        audit.append(operator.toString(), "search launch", vehicleId, "incident " + run.incidentId + " segment "
                + String.join("+", a.segmentIds()) + " mission " + m.missionId()
                + (run.approvedBy == null ? " (policy: automatic)" : " (approved by " + run.approvedBy + ")"), "LAUNCHING");
        missions.upload(operator, m.missionId())
                .thenCompose(up -> {
                    if (up.state() != MissionState.UPLOADED) {
                        throw new IllegalStateException("upload failed: mission is " + up.state());
                    }
                    return commands.send(vehicleId, VehicleCommand.arm());
                })
                .thenCompose(arm -> {
                    if (!arm.accepted()) {
                        throw new IllegalStateException("arming refused: " + arm.result() + " " + arm.detail());
                    }
                    return missions.start(operator, m.missionId());
                })
                .whenComplete((started, error) -> thread.execute((() -> {
                    if (error == null && started.command().accepted()) {
                        sortie.phase = Sortie.Phase.FLYING;
                        int n = launched.applyAsInt(run.incidentId, vehicleId);
                        String minutes = String.format(Locale.ROOT, "%.0f", a.estimatedFlightS() / 60);
                        TimelineEntry entry = n <= 1
                                ? TimelineEntry.of(clock.instant(), TimelineKind.DRONE_LAUNCHED, operator.subject(), String.format(
                                        Locale.ROOT, "%s launched over segment %s (mission %s, %s min planned)", vehicleId,
                                        segment, m.missionId(), minutes))
                                        .withVehicle(vehicleId).withParams("vehicle", vehicleId, "segment", segment,
                                                "mission", m.missionId(), "minutes", minutes)
                                : TimelineEntry.of(clock.instant(), TimelineKind.DRONE_LAUNCHED, operator.subject(), String.format(
                                        Locale.ROOT, "%s relaunched over segment %s (sortie %d, mission %s, %s min planned)", vehicleId,
                                        segment, n, m.missionId(), minutes))
                                        .withVehicle(vehicleId).withCode("DRONE_RELAUNCHED").withParams("vehicle", vehicleId,
                                                "segment", segment, "sortie", n, "mission", m.missionId(), "minutes", minutes);
                        incidents.update(run.incidentId, i -> i.withSearch(i.search().withAssignments(i.search().assignments()
                                .stream().map(x -> x.vehicleId().equals(vehicleId) && x.missionId().isEmpty() ? x.withMission(m.missionId()) : x)
                                .toList())), entry);
                    } else {
                        String why = error != null ? rootMessage(error) : "start refused: " + started.command().result();
                        sortie.phase = Sortie.Phase.ENDED;
                        run.ended.add(sortie);
                        run.sortiesByVehicle.remove(vehicleId);
                        leases.release(vehicleId, operator);
                        notes.note(run.incidentId, vehicleId, "launch failed: " + why);
                    }
                })));
    }

    /**
     * The sortie's legs as one route: its joined waypoints; length, turns, area and the allocator's flight time
     * added up over the legs (each leg's own plan counts its way from home and back, so its time is not summed).
     */
    static VehicleRoute route(SortieAssignment a) {
        double lengthM = 0, areaM2 = 0;
        int turns = 0;
        List<org.skyfleet.planner.geo.GeoPolygon> area = new java.util.ArrayList<>();
        for (DroneAssignment leg : a.legs()) {
            VehicleRoute r = leg.plan().routes().get(0);
            lengthM += r.metrics().lengthM();
            turns += r.metrics().turns();
            areaM2 += r.metrics().areaCoveredM2();
            area.addAll(r.assignedArea());
        }
        double coverage = a.legs().stream().mapToDouble(l -> l.plan().metrics().coverageRatio()).average().orElse(0);
        VehicleRoute first = a.legs().get(0).plan().routes().get(0);
        return new VehicleRoute(a.droneId(), a.route(), new PlanMetrics(lengthM, turns, a.estimatedFlightS(), areaM2, coverage),
                area, first.requiredS(), first.availableS());
    }

    /** Sends a drone home and ends its part in the search. */
    void recall(Sortie s, String reason) {
        s.phase = Sortie.Phase.RETURNING;
        Optional<Mission> m = missions.book().find(s.missionId);
        if (m.isPresent() && m.get().state().isActive()) {
            missions.abort(operator, s.missionId, reason);
        } else {
            commands.send(s.vehicleId, VehicleCommand.returnToLaunch());
        }
    }

    /** Ends the drone's search mission while it stays where it is (it has another job now: an orbit). */
    void supersede(Sortie s, String reason) {
        missions.book().find(s.missionId).filter(m -> m.state().isActive())
                .ifPresent(m -> missions.supersede(operator, m.missionId(), reason));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
