package org.skyfleet.server.automation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Keeps a drone circling over a found subject until a unit is with them: the orbit follows the track,
 * and when the orbiting drone's battery runs low another drone flies out, takes up the orbit, and only
 * then is the first sent home. Touched only on the automation thread.
 */
final class Overwatch {
    /** Re-centre the orbit when the track has moved this far. */
    private static final double RECENTRE_M = 10;
    /** The relief flies 10 m above the orbiting drone until it leaves. */
    private static final double RELIEF_ALT_OFFSET_M = 10;
    private static final double ORBIT_SPEED_MPS = 4;
    private static final Duration LEASE_TTL = SortieControl.LEASE_TTL;

    private static final class Watch {
        final String incidentId;
        final String trackId;
        String vehicleId;
        String reliefId;
        GeoPoint centre;
        GeoPoint sentCentre;
        boolean reliefAirborne;

        Watch(String incidentId, String trackId, String vehicleId, GeoPoint centre) {
            this.incidentId = incidentId;
            this.trackId = trackId;
            this.vehicleId = vehicleId;
            this.centre = centre;
        }
    }

    private final Map<String, Watch> byTrack = new HashMap<>();
    private final VehicleRegistry registry;
    private final VehicleCommands commands;
    private final ControlLeases leases;
    private final IncidentBook incidents;
    private final AuditJournal audit;
    private final SearchProfile profile;
    private final FreeDrones freeDrones;
    private final double orbitAltM;

    Overwatch(VehicleRegistry registry, VehicleCommands commands, ControlLeases leases, IncidentBook incidents, AuditJournal audit,
              SearchProfile profile, FreeDrones freeDrones) {
        this.registry = registry;
        this.commands = commands;
        this.leases = leases;
        this.incidents = incidents;
        this.audit = audit;
        this.profile = profile;
        this.freeDrones = freeDrones;
        this.orbitAltM = profile.camera().altitudeAglM();
    }

    boolean watching(String trackId) {
        return byTrack.containsKey(trackId);
    }

    Set<String> vehicles() {
        Set<String> out = new java.util.HashSet<>();
        byTrack.values().forEach(w -> {
            out.add(w.vehicleId);
            if (w.reliefId != null) {
                out.add(w.reliefId);
            }
        });
        return out;
    }

    void start(String incidentId, String trackId, String vehicleId, GeoPoint centre) {
        try {
            leases.acquire(vehicleId, SearchAutomation.OPERATOR, LEASE_TTL);
        } catch (LeaseConflictException | IllegalArgumentException e) {
            record(incidentId, TimelineKind.NOTE, vehicleId, vehicleId + " cannot orbit the subject: " + e.getMessage(),
                    "NOTE_CANNOT_ORBIT", "vehicle", vehicleId, "reason", e.getMessage());
            return;
        }
        Watch w = new Watch(incidentId, trackId, vehicleId, centre);
        byTrack.put(trackId, w);
        orbit(w, vehicleId, orbitAltM);
        record(incidentId, TimelineKind.DRONE_ORBITING, vehicleId, String.format(Locale.ROOT,
                "%s orbiting track %s at %.0f m radius until a unit arrives", vehicleId, trackId, profile.orbitRadiusM()),
                null, "vehicle", vehicleId, "track", trackId, "radius_m", String.format(Locale.ROOT, "%.0f", profile.orbitRadiusM()));
    }

    void move(String trackId, GeoPoint centre) {
        Watch w = byTrack.get(trackId);
        if (w != null) {
            w.centre = centre;
        }
    }

    /** The unit is with the subject (or the incident closed): the drones go home. */
    void stop(String trackId, String why) {
        stop(trackId, why, "");
    }

    /** @param unitId the unit that is with the subject, for the timeline's message; empty if none */
    void stop(String trackId, String why, String unitId) {
        Watch w = byTrack.remove(trackId);
        if (w == null) {
            return;
        }
        home(w.vehicleId, why);
        if (w.reliefId != null) {
            home(w.reliefId, why);
        }
        record(w.incidentId, TimelineKind.DRONE_RETURNED, w.vehicleId, w.vehicleId + " returning: " + why,
                unitId.isEmpty() ? "DRONE_RETURNING" : "DRONE_RETURNING_UNIT_ARRIVED", "vehicle", w.vehicleId, "unit", unitId,
                "reason", why);
    }

    void stopIncident(String incidentId, String why) {
        for (Watch w : List.copyOf(byTrack.values())) {
            if (w.incidentId.equals(incidentId)) {
                stop(w.trackId, why);
            }
        }
    }

    /** Every few seconds: follow the track, renew leases, relieve a drone running low. */
    void tick(Set<String> busyElsewhere) {
        for (Watch w : List.copyOf(byTrack.values())) {
            renew(w.vehicleId);
            if (w.reliefId != null) {
                renew(w.reliefId);
            }
            if (w.sentCentre == null || GreatCircle.distanceM(w.sentCentre, w.centre) > RECENTRE_M) {
                orbit(w, w.vehicleId, orbitAltM);
                if (w.reliefAirborne) {
                    orbit(w, w.reliefId, orbitAltM + RELIEF_ALT_OFFSET_M);
                }
            }
            VehicleState v = registry.find(w.vehicleId).orElse(null);
            double battery = v == null || v.battery() == null ? Double.NaN : v.battery().remainingPercent();
            if (w.reliefId == null && battery <= profile.handoverPercent()) {
                callRelief(w, busyElsewhere);
            } else if (w.reliefId != null) {
                handOverWhenOnStation(w);
            }
        }
    }

    private void callRelief(Watch w, Set<String> busyElsewhere) {
        Set<String> busy = new java.util.HashSet<>(busyElsewhere);
        busy.addAll(vehicles());
        Optional<CandidateDrone> relief = freeDrones.find(busy, incidents.clock().instant()).candidates().stream()
                .min(java.util.Comparator.comparingDouble(c -> GreatCircle.distanceM(c.position(), w.centre)));
        if (relief.isEmpty()) {
            return; // asked again next tick; the orbiting drone's own failsafe still brings it home
        }
        String id = relief.get().id();
        try {
            leases.acquire(id, SearchAutomation.OPERATOR, LEASE_TTL);
        } catch (LeaseConflictException e) {
            return;
        }
        w.reliefId = id;
        record(w.incidentId, TimelineKind.DRONE_HANDOVER, id, id + " flying out to relieve " + w.vehicleId + " (battery low)",
                "DRONE_RELIEF_LAUNCHED", "vehicle", id, "relieved", w.vehicleId);
        VehicleState rv = registry.find(id).orElse(null);
        boolean onGround = rv == null || rv.status().landedState() != LandedState.IN_AIR;
        double alt = orbitAltM + RELIEF_ALT_OFFSET_M;
        (onGround ? commands.send(id, VehicleCommand.arm()).thenCompose(a -> commands.send(id, VehicleCommand.takeoff(alt)))
                : commands.send(id, VehicleCommand.hold()))
                .thenCompose(t -> commands.send(id, VehicleCommand.goTo(w.centre.latDeg(), w.centre.lonDeg(), alt)));
    }

    private void handOverWhenOnStation(Watch w) {
        VehicleState r = registry.find(w.reliefId).orElse(null);
        if (r == null || r.position() == null) {
            return;
        }
        double d = GreatCircle.distanceM(new GeoPoint(r.position().latDeg(), r.position().lonDeg()), w.centre);
        if (!w.reliefAirborne && r.position().altRelM() > orbitAltM / 2 && d < profile.orbitRadiusM() * 3) {
            w.reliefAirborne = true;
            orbit(w, w.reliefId, orbitAltM + RELIEF_ALT_OFFSET_M);
            String old = w.vehicleId;
            home(old, "relieved by " + w.reliefId);
            w.vehicleId = w.reliefId;
            w.reliefId = null;
            w.reliefAirborne = false;
            record(w.incidentId, TimelineKind.DRONE_HANDOVER, w.vehicleId, w.vehicleId + " took over the orbit of track "
                    + w.trackId + " from " + old + ", which returns home",
                    null, "vehicle", w.vehicleId, "track", w.trackId, "relieved", old);
        }
    }

    private void orbit(Watch w, String vehicleId, double altM) {
        w.sentCentre = w.centre;
        commands.send(vehicleId, VehicleCommand.orbit(w.centre.latDeg(), w.centre.lonDeg(), altM, profile.orbitRadiusM(),
                ORBIT_SPEED_MPS)).thenAccept(o -> {
                    if (!o.accepted()) {
                        audit.append(SearchAutomation.OPERATOR.toString(), "orbit", vehicleId, "track " + w.trackId + ": "
                                + o.result() + " " + o.detail(), o.result().name());
                    }
                });
    }

    private void home(String vehicleId, String why) {
        commands.send(vehicleId, VehicleCommand.returnToLaunch());
        audit.append(SearchAutomation.OPERATOR.toString(), "return to launch", vehicleId, why, "SENT");
        leases.release(vehicleId, SearchAutomation.OPERATOR);
    }

    private void renew(String vehicleId) {
        try {
            leases.acquire(vehicleId, SearchAutomation.OPERATOR, LEASE_TTL);
        } catch (LeaseConflictException e) {
            // a commander took it over; their call
        }
    }

    /** @param code the message code, null for the kind's; params as name, value pairs */
    private void record(String incidentId, TimelineKind kind, String vehicleId, String text, String code, Object... params) {
        incidents.record(incidentId, TimelineEntry.of(incidents.clock().instant(), kind, SearchAutomation.OPERATOR.subject(), text)
                .withCode(code).withParams(params)
                .withVehicle(vehicleId));
    }
}
