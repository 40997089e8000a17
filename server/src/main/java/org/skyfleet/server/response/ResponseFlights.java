package org.skyfleet.server.response;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * Flies one drone for a response, as the response's operator: the launch (lease, arm, take off, first
 * waypoint), the next waypoint when it is reached, the orbit over the scene (MAV_CMD_DO_ORBIT: PX4 and the
 * simulator point the nose at the centre) with the camera held on the spot (MAV_CMD_DO_SET_ROI_LOCATION), and home. The vehicle's answers come back
 * on the response thread.
 */
final class ResponseFlights {
    static final Duration LEASE_TTL = Duration.ofMinutes(5);
    /** A waypoint this close (horizontally) is reached: the drone turns for the next. */
    static final double WAYPOINT_REACHED_M = 25;
    /** Where the camera looks: the scene at home's level, metres above home. */
    static final double SCENE_GROUND_ALT_REL_M = 0;

    private final VehicleCommands commands;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final Operator operator;

    ResponseFlights(VehicleCommands commands, ControlLeases leases, AuditJournal audit, InstantSource clock, Operator operator) {
        this.commands = commands;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
        this.operator = operator;
    }

    /**
     * Takes the drone's lease.
     *
     * @throws LeaseConflictException if someone else holds it
     */
    void lease(String vehicleId) {
        leases.acquire(vehicleId, operator, LEASE_TTL);
    }

    /** Renews the lease once a minute; a commander who took the drone over keeps it. */
    void renew(ResponseRun.Leg leg) {
        if (Duration.between(leg.leaseRenewedAt, clock.instant()).toSeconds() < 60) {
            return;
        }
        leg.leaseRenewedAt = clock.instant();
        try {
            leases.acquire(leg.vehicleId, operator, LEASE_TTL);
        } catch (LeaseConflictException e) {
            // taken over: theirs now
        }
    }

    /**
     * Arms and takes off to the leg's altitude (a drone already in the air holds); the first waypoint is sent by
     * {@link #follow} once the drone reports itself airborne (PX4 refuses a reposition on the ground).
     *
     * @param done called with null when the drone accepted both, else with why not
     */
    void launch(ResponseRun.Leg leg, boolean onGround, Consumer<String> done) {
        String id = leg.vehicleId;
        CompletionStage<CommandOutcome> up = onGround
                ? commands.send(id, VehicleCommand.arm()).thenCompose(a -> accepted("arming", a)
                        .thenCompose(x -> commands.send(id, VehicleCommand.takeoff(leg.altRelM))))
                : commands.send(id, VehicleCommand.hold());
        up.thenCompose(t -> accepted("take-off", t)).whenComplete((x, error) -> done.accept(error == null ? null : root(error)));
        audit.append(operator.toString(), "response launch", id, "to " + leg.waypoints.get(leg.waypoints.size() - 1)
                + " via " + leg.waypoints.size() + " waypoint(s) at " + leg.altRelM + " m", "SENT");
    }

    /** Heads for the first waypoint once airborne, then for the next once the current one is reached. */
    void follow(ResponseRun.Leg leg, VehicleState v) {
        if (v.position() == null || !leg.airborne) {
            return;
        }
        if (!leg.headed) {
            leg.headed = true;
            GeoPoint first = leg.waypoints.get(0);
            commands.send(leg.vehicleId, VehicleCommand.goTo(first.latDeg(), first.lonDeg(), leg.altRelM));
            return;
        }
        GeoPoint at = new GeoPoint(v.position().latDeg(), v.position().lonDeg());
        GeoPoint target = leg.waypoints.get(leg.next);
        if (GreatCircle.distanceM(at, target) > WAYPOINT_REACHED_M || leg.next == leg.waypoints.size() - 1) {
            return;
        }
        leg.next++;
        GeoPoint n = leg.waypoints.get(leg.next);
        commands.send(leg.vehicleId, VehicleCommand.goTo(n.latDeg(), n.lonDeg(), leg.altRelM));
    }

    /**
     * Circles the spot and points the camera at it: MAV_CMD_DO_ORBIT, then, once the orbit is answered,
     * MAV_CMD_DO_SET_ROI_LOCATION on the spot at the ground (0 m above home: no terrain model, and the docks stand
     * at street level), so the gimbal keeps the spot in the picture whatever the nose does. Both again move them.
     * The camera's answer is journaled ({@code camera on the scene}) with what the vehicle said.
     */
    void orbit(String vehicleId, GeoPoint centre, double altRelM, double radiusM, double speedMps) {
        commands.send(vehicleId, VehicleCommand.orbit(centre.latDeg(), centre.lonDeg(), altRelM, radiusM, speedMps))
                .thenCompose(o -> {
                    if (!o.accepted()) {
                        audit.append(operator.toString(), "orbit", vehicleId, o.result() + " " + o.detail(), o.result().name());
                    }
                    return commands.send(vehicleId, VehicleCommand.roi(centre.latDeg(), centre.lonDeg(), SCENE_GROUND_ALT_REL_M));
                })
                .whenComplete((o, error) -> audit.append(operator.toString(), "camera on the scene", vehicleId,
                        "ROI " + centre + " at the ground" + (o == null ? ": " + root(error) : o.detail().isEmpty() ? "" : ": " + o.detail()),
                        o == null ? "FAILED" : o.result().name()));
    }

    /** Sends the drone home and gives its lease back. */
    void home(String vehicleId, String why) {
        commands.send(vehicleId, VehicleCommand.returnToLaunch());
        audit.append(operator.toString(), "return to launch", vehicleId, why, "SENT");
        leases.release(vehicleId, operator);
    }

    static boolean onGround(VehicleState v) {
        return v == null || v.status().landedState() != LandedState.IN_AIR;
    }

    private static CompletionStage<CommandOutcome> accepted(String what, CommandOutcome o) {
        if (!o.accepted()) {
            return CompletableFuture.failedFuture(new IllegalStateException(what + " refused: " + o.result() + " " + o.detail()));
        }
        return CompletableFuture.completedFuture(o);
    }

    private static String root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
