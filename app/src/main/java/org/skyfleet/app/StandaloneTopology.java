package org.skyfleet.app;

import io.grpc.ServerBuilder;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.skyfleet.cluster.ClusterNode;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.server.mission.MissionRecovery;
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.telemetry.bus.InProcessFleetBus;
import org.skyfleet.telemetry.link.LinkGate;

/** A node on its own: an in-process bus, every vehicle its own, the records served here. */
final class StandaloneTopology implements Topology {
    private final Store store;
    private final FleetBus bus = new InProcessFleetBus();

    StandaloneTopology(Store store) {
        this.store = store;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public FleetBus bus() {
        return bus;
    }

    @Override
    public FleetBus localBus() {
        return bus;
    }

    @Override
    public LinkGate linkGate() {
        return LinkGate.ALL;
    }

    @Override
    public ControlLeases leases(InstantSource clock) {
        return new ControlLeases(clock, store.leases());
    }

    @Override
    public void share(MissionBook missions, Geofences zones, ControlLeases leases, AuditJournal audit, InstantSource clock) {
        // no other node can be uploading: an upload under way when the process stopped died with it
        MissionRecovery.failInterruptedUploads(missions, audit, clock);
    }

    @Override
    public VehicleCommands commands(VehicleRegistry registry, VehicleCommands local, Duration heartbeatTimeout,
                                    org.skyfleet.server.auth.RefusalTally refusals) {
        return local;
    }

    @Override
    public MissionTransfer missionTransfers(MissionTransfer local) {
        return local;
    }

    @Override
    public RecordsHost records(RecordsContext context, ServerBuilder<?> grpc) {
        return LocalRecords.open(context, grpc);
    }

    @Override
    public Optional<ClusterNode> cluster() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // the in-process bus holds no resources; the store is closed by the server, last
    }
}
