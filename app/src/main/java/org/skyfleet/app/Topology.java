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
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * How a node holds its fleet, chosen once at start: {@link StandaloneTopology on its own}, or {@link
 * ClusterTopology shared with other nodes} over NATS and one database. Everything that differs between the
 * two is asked of the topology, so the wiring in {@link SkyfleetServer} is one straight line.
 */
interface Topology extends AutoCloseable {
    /** The store the node writes: the given one, or in a cluster the same with every record also on the durable log. */
    Store store();

    /** The bus every listener of the whole fleet subscribes to. */
    FleetBus bus();

    /** What this node's own links publish: for listeners that act on the vehicles this node holds. */
    FleetBus localBus();

    /** Which vehicles this node's links may ingest. */
    LinkGate linkGate();

    /** The control leases, decided on this node or shared by every node. */
    ControlLeases leases(InstantSource clock);

    /** Shares missions, zones and lease changes with the other nodes, or makes the stored missions true after a restart. */
    void share(MissionBook missions, Geofences zones, ControlLeases leases, AuditJournal audit, InstantSource clock);

    /** The commands the services use: {@code local} for this node's vehicles, relayed to their owners for the others'. */
    VehicleCommands commands(VehicleRegistry registry, VehicleCommands local, Duration heartbeatTimeout,
                             org.skyfleet.server.auth.RefusalTally refusals);

    /** Mission, fence and rally transfers: {@code local} for this node's vehicles, relayed for the others'. */
    MissionTransfer missionTransfers(MissionTransfer local);

    /** Where incidents, sightings and dispatch are served from: here, or from the records leader. */
    RecordsHost records(RecordsContext context, ServerBuilder<?> grpc);

    /** This node's membership of a shared fleet, if it has one. */
    Optional<ClusterNode> cluster();

    @Override
    void close();
}
