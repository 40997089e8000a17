package org.skyfleet.app;

import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.skyfleet.cluster.ClusterConfig;
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
import org.skyfleet.server.auth.MutualTls;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * A node sharing one fleet with others over NATS JetStream and one database: it ingests the vehicles whose
 * links it owns, sees the others' over the bus, relays commands and transfers to their owners, and serves
 * the records from the node that leads them.
 */
final class ClusterTopology implements Topology {
    private final ClusterNode node;
    private final Store store;
    private final MutualTls tls;
    private final TokenAuthority tokens;
    private final MeterRegistry meters;

    private ClusterTopology(ClusterNode node, Store store, MutualTls tls, TokenAuthority tokens, MeterRegistry meters) {
        this.node = node;
        this.store = node.logged(store);
        this.tls = tls;
        this.tokens = tokens;
        this.meters = meters;
    }

    /**
     * Joins the fleet on {@code cluster}'s NATS.
     *
     * @throws IllegalStateException if NATS (with JetStream) cannot be reached
     */
    static ClusterTopology join(ClusterConfig cluster, Store store, ServerConfig server, InstantSource clock, MeterRegistry meters) {
        return new ClusterTopology(ClusterNode.join(cluster, clock, meters), store, server.tls(), server.tokens(), meters);
    }

    /** The shared store, each committed incident, sighting, assignment and audit entry also on the durable log. */
    @Override
    public Store store() {
        return store;
    }

    @Override
    public FleetBus bus() {
        return node.bus();
    }

    @Override
    public FleetBus localBus() {
        return node.localBus();
    }

    @Override
    public LinkGate linkGate() {
        return node.gate();
    }

    @Override
    public ControlLeases leases(InstantSource clock) {
        return new ControlLeases(clock, store.leases(), node.sharedLeases());
    }

    /** Interrupted uploads are not failed here: another node may be uploading; adoption fails an orphaned one. */
    @Override
    public void share(MissionBook missions, Geofences zones, ControlLeases leases, AuditJournal audit, InstantSource clock) {
        node.carryMissions(missions);
        node.shareZones(zones);
        node.shareLeaseChanges(leases);
    }

    @Override
    public VehicleCommands commands(VehicleRegistry registry, VehicleCommands local, Duration heartbeatTimeout,
                                    org.skyfleet.server.auth.RefusalTally refusals) {
        // relayed commands and transfers carry their caller's token and are checked by the owner (with a token key)
        return node.start(registry, local, heartbeatTimeout, tokens, refusals);
    }

    @Override
    public MissionTransfer missionTransfers(MissionTransfer local) {
        return node.missionTransfers(local);
    }

    @Override
    public RecordsHost records(RecordsContext context, ServerBuilder<?> grpc) {
        return LeaderRecords.route(node, context, grpc, tls, tokens, meters);
    }

    @Override
    public Optional<ClusterNode> cluster() {
        return Optional.of(node);
    }

    /** Releases this node's vehicles and, if it led them, the records to the other nodes: call after the links stopped. */
    @Override
    public void close() {
        node.close();
    }
}
