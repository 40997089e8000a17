package org.skyfleet.server.robot;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.PositionTargets;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.escort.RobotTaskingStore;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.server.mission.MissionControl;

/**
 * The robots of one node: their taskings (persisted), the loop that drives them on a thread of its own every
 * {@link RobotConfig#followPeriod()}, and {@code RobotService}. The officers' positions come from the node's records
 * (its unit roster): only the node that holds the records drives robots.
 * Once a second the robots are put on that roster as units ({@link RobotUnits}), so dispatch can offer idle ones;
 * one whose offer is accepted drives to the scene ({@link RobotResponse}).
 */
public final class Robots implements AutoCloseable {
    /** What the robots are built on. */
    public record Context(RobotConfig config, RobotTaskingStore store, VehicleRegistry registry,
                          Supplier<Optional<UnitRoster>> roster, VehicleCommands commands, PositionTargets targets,
                          ControlLeases leases, Geofences zones, AuditJournal audit, InstantSource clock,
                          MissionControl missions, Supplier<Airspace> airspace) {
    }

    private final RobotTaskings taskings;
    private final RobotEscort escort;
    private final RobotGrpcService service;
    private final RobotResponse response;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("skyfleet-robots", true));

    public Robots(Context c) {
        this.taskings = new RobotTaskings(c.store(), c.registry(), c.roster(), c.leases(), c.audit(), c.clock());
        RobotCommands commands = new RobotCommands(c.commands(), c.audit());
        RobotPatrol patrol = new RobotPatrol(c.config().patrols(), c.missions(), c.airspace(), c.audit());
        this.escort = new RobotEscort(c.config(), taskings, c.registry(), c.roster(), commands, c.targets(), c.leases(),
                c.zones(), c.audit(), c.clock(), patrol);
        RobotDocking docks = new RobotDocking(c.config(), taskings, commands, c.leases(), (r, code, sev, d, s) -> { });
        this.service = new RobotGrpcService(taskings, new RobotProtoMapper(escort::escortState,
                id -> c.registry().find(id).flatMap(docks::dockOf)));
        long periodMs = c.config().followPeriod().toMillis();
        loop.scheduleAtFixedRate(escort::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        RobotUnits units = new RobotUnits(taskings, c.registry(), c.roster(), c.config().dockBelowPercent());
        loop.scheduleAtFixedRate(units::report, periodMs, 1000, TimeUnit.MILLISECONDS);
        this.response = new RobotResponse(c.registry(), commands, c.leases(), c.audit(), c.config().followSpeedMps(),
                id -> taskings.find(id).map(t -> t.duty() == org.skyfleet.fleet.escort.RobotTasking.Duty.FOLLOWING
                        || t.duty() == org.skyfleet.fleet.escort.RobotTasking.Duty.DOCKING).orElse(false),
                c.zones(), c.clock(), c.config().clearanceM());
        escort.pauseWhile(response::responding);
        loop.scheduleAtFixedRate(response::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Where the dispatch assignments are (the node's records): a robot whose offer is accepted then drives to the
     * scene ({@link RobotResponse}).
     */
    public void dispatchFrom(Supplier<Optional<org.skyfleet.fleet.dispatch.Dispatcher>> dispatcher) {
        response.dispatchFrom(dispatcher);
    }

    /** From now on the robots' stops and dockings go to {@code alerts} (the console's, once it is up). */
    public void alertsTo(RobotAlerts alerts) {
        escort.alertsTo(alerts);
    }

    public RobotGrpcService grpcService() {
        return service;
    }

    public RobotTaskings taskings() {
        return taskings;
    }

    @Override
    public void close() throws InterruptedException {
        loop.shutdownNow();
        loop.awaitTermination(5, TimeUnit.SECONDS);
    }
}
