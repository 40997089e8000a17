package org.skyfleet.server.enforcement;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.BreachPredictor;
import org.skyfleet.fleet.geofence.GeofenceEvent;
import org.skyfleet.fleet.geofence.GeofenceEventType;
import org.skyfleet.fleet.geofence.GeofenceMonitor;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.fanout.FanoutMetrics;
import org.skyfleet.telemetry.fanout.StateFanout;
import org.skyfleet.telemetry.fanout.UpdateSink;

/**
 * Feeds vehicle states to the geofence monitor through a fan-out subscription of its own (its own
 * thread, the newest state per vehicle, at most {@link #CHECK_RATE_HZ} checks per vehicle), so a
 * thousand zones never slow ingestion. Breaches become vehicle events; a BREACH of a zone whose
 * policy is HOLD or RETURN_TO_LAUNCH commands the vehicle as the automation, which takes the lease if
 * it is free and otherwise overrides it for safety, saying so in the journal.
 */
public final class GeofenceEnforcement implements AutoCloseable {
    static final double CHECK_RATE_HZ = 5;
    static final Operator AUTOMATION = new Operator("geofence-enforcement", Operator.Role.AUTOMATION);

    private final VehicleRegistry vehicles;
    private final VehicleCommands commands;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "skyfleet-geofence");
        t.setDaemon(true);
        return t;
    });
    private final StateFanout<VehicleState> feed;
    private final GeofenceMonitor monitor;

    public GeofenceEnforcement(FleetBus bus, Geofences zones, VehicleRegistry vehicles, VehicleCommands commands,
                               ControlLeases leases, AuditJournal audit, InstantSource clock, ScheduledExecutorService timer,
                               FanoutMetrics metrics) {
        this.vehicles = vehicles;
        this.commands = commands;
        this.leases = leases;
        this.audit = audit;
        this.monitor = new GeofenceMonitor(zones::index, new BreachPredictor(), clock, this::onEvent);
        this.feed = new StateFanout<>(bus, s -> s, thread, timer, metrics);
        feed.subscribe(s -> s.position() != null, CHECK_RATE_HZ, new UpdateSink<>() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void send(List<VehicleState> states, long skipped) {
                states.forEach(monitor::onState);
            }
        }, vehicles.all());
    }

    private void onEvent(GeofenceEvent e) {
        EventType type = switch (e.type()) {
            case PREDICTED_BREACH -> EventType.GEOFENCE_PREDICTED_BREACH;
            case BREACH -> EventType.GEOFENCE_BREACH;
            case CLEARED -> EventType.GEOFENCE_CLEARED;
        };
        EventSeverity severity = switch (e.type()) {
            case PREDICTED_BREACH -> EventSeverity.WARNING;
            case BREACH -> EventSeverity.CRITICAL;
            case CLEARED -> EventSeverity.INFO;
        };
        vehicles.publishEvent(new VehicleEvent(e.vehicleId(), type, severity, e.message(), e.time(), 0)
                .withParams(java.util.Map.of("zone", e.zone().name() == null || e.zone().name().isBlank() ? e.zone().id() : e.zone().name(),
                        "zone_id", e.zone().id())));
        if (e.type() == GeofenceEventType.BREACH && e.zone().policy() != BreachPolicy.WARN) {
            apply(e);
        }
    }

    private void apply(GeofenceEvent e) {
        VehicleCommand command = e.zone().policy() == BreachPolicy.HOLD ? VehicleCommand.hold() : VehicleCommand.returnToLaunch();
        String lease;
        try {
            leases.acquire(e.vehicleId(), AUTOMATION, Duration.ofSeconds(60));
            lease = "lease taken by the automation";
        } catch (LeaseConflictException held) {
            lease = "safety override of the lease: " + held.getMessage();
        }
        String why = "zone '" + e.zone().name() + "' breached (" + e.reason() + "), policy " + e.zone().policy() + "; " + lease;
        commands.send(e.vehicleId(), command, p -> { }).whenComplete((o, err) -> audit.append(AUTOMATION.toString(),
                "geofence " + command.verb(), e.vehicleId(), why,
                err != null ? "FAILED: " + err : o.result() + " after " + o.attempts() + " attempt(s)"));
    }

    @Override
    public void close() throws Exception {
        feed.close();
        thread.shutdownNow();
    }
}
