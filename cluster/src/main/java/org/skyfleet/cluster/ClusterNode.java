package org.skyfleet.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.fleet.control.SharedLeases;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.cluster.bus.BusMetrics;
import org.skyfleet.cluster.bus.NatsConnect;
import org.skyfleet.cluster.bus.NatsDurableLog;
import org.skyfleet.cluster.bus.NatsFleetBus;
import org.skyfleet.cluster.leases.LeaseChangeFeed;
import org.skyfleet.cluster.leases.NatsSharedLeases;
import org.skyfleet.cluster.log.LoggedStore;
import org.skyfleet.cluster.missions.NatsMissionBoard;
import org.skyfleet.cluster.ownership.NatsLinkOwnership;
import org.skyfleet.cluster.relay.CallerTokens;
import org.skyfleet.cluster.relay.CommandRelayClient;
import org.skyfleet.cluster.relay.RelayGate;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.cluster.relay.CommandRelayServer;
import org.skyfleet.cluster.relay.TransferRelayClient;
import org.skyfleet.cluster.relay.TransferRelayServer;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.cluster.records.RecordsBroadcast;
import org.skyfleet.cluster.records.RecordsLeadership;
import org.skyfleet.server.records.RecordsDomain;
import org.skyfleet.cluster.zones.ZoneNotices;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * One control-plane node's membership of a shared fleet: its NATS connection, the bus, link ownership
 * with its gate and renewal, the mirror of other nodes' vehicles, and the command relay both ways.
 * Closing it (a clean shutdown) releases every link it holds, so the others take them at once.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());
    private static final int EVENT_QUEUE_PER_LISTENER = 4096;
    private static final Duration RECORDS_KEPT = Duration.ofDays(30);
    /** Beyond the link timeout, what the bus and the owner's own judgement may take before a silent owner is assumed. */
    private static final Duration SILENT_OWNER_MARGIN = Duration.ofSeconds(2);
    /** How long a write waits for the log's acknowledgement before the caller is answered anyway. */
    private static final Duration RECORD_ACK_WAIT = Duration.ofSeconds(2);
    /** Longer than a transfer's own retries over a lossy radio (10 tries per message, 3 transfer attempts). */
    private static final Duration TRANSFER_RELAY_DEADLINE = Duration.ofSeconds(120);
    /** Zones are reloaded this often even without a notice: core NATS may lose one. */
    private static final Duration ZONE_RELOAD_PERIOD = Duration.ofSeconds(30);

    private final ClusterConfig config;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final Connection nats;
    private final BusMetrics busMetrics;
    private final NatsFleetBus bus;
    private final NatsLinkOwnership ownership;
    private final NatsDurableLog log;
    private final NatsSharedLeases leases;
    private final NatsMissionBoard missionBoard;
    private MissionSharing missions;
    /** Zone reloads read the database: kept off the NATS dispatcher and the ownership threads. */
    private final ScheduledExecutorService zoneReloads =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("skyfleet-zone-reload", true));
    private ZoneNotices zoneNotices;
    private final OwnershipGate gate;
    /** Ownership claims and renewals, owner look-ups: broker round trips kept off link and gRPC threads. */
    private final ScheduledExecutorService io;
    /**
     * Where a relayed command's or transfer's answer is carried on. It arrives on the NATS connection's own
     * thread, and what follows (audit, store, durable log) waits for JetStream acknowledgements that arrive on
     * that same thread: carried on there, each would wait out its timeout.
     */
    private final ExecutorService relayReplies;
    private CallerTokens callerTokens = CallerTokens.none();
    private RelayGate relayGate = RelayGate.open();
    private CommandRelayServer relayServer;
    private TransferRelayServer transferRelayServer;
    private AutoCloseable mirror;
    private RecordsLeadership recordsLeadership;
    private AutoCloseable trackFollow;
    private LeaseChangeFeed leaseChanges;

    private ClusterNode(ClusterConfig config, InstantSource clock, MeterRegistry meters) throws Exception {
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.busMetrics = new BusMetrics(meters);
        this.nats = NatsConnect.open(config.natsUrl(), config.nodeId(), busMetrics, config.busAuth());
        try {
            this.bus = new NatsFleetBus(nats, busMetrics, EVENT_QUEUE_PER_LISTENER);
            this.ownership = NatsLinkOwnership.open(nats, config.nodeId(), clock, config.ownerLease());
            this.log = NatsDurableLog.open(nats, busMetrics, RECORDS_KEPT);
            this.leases = NatsSharedLeases.open(nats);
            this.missionBoard = NatsMissionBoard.open(nats);
        } catch (Exception e) {
            nats.close();
            throw e;
        }
        this.io = Executors.newScheduledThreadPool(2, new DefaultThreadFactory("skyfleet-cluster", true));
        this.relayReplies = Executors.newFixedThreadPool(2, new DefaultThreadFactory("skyfleet-relay-replies", true));
        this.gate = new OwnershipGate(ownership, io, clock, Duration.ofSeconds(1), meters);
    }

    /**
     * Joins the fleet on {@code config}'s NATS.
     *
     * @throws IllegalStateException if NATS (with JetStream) cannot be reached
     */
    public static ClusterNode join(ClusterConfig config, InstantSource clock, MeterRegistry meters) {
        try {
            return new ClusterNode(config, clock, meters);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + config.natsUrl(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot join the fleet on " + config.natsUrl() + " (NATS with JetStream): " + e.getMessage(), e);
        }
    }

    /** Shares the missions in {@code book} with the other nodes through the board ({@link MissionSharing}). */
    public void carryMissions(MissionBook book) {
        missions = new MissionSharing(missionBoard, gate, clock, book);
    }

    /**
     * Keeps {@code zones} the same as on the other nodes sharing its database: announces each zone change made
     * here, reloads on hearing another node's, and every 30 s besides (a notice may be lost).
     */
    public void shareZones(Geofences zones) {
        zoneNotices = new ZoneNotices(nats, config.nodeId(), zones, zoneReloads, ZONE_RELOAD_PERIOD);
    }

    /** Tells the other nodes of the lease changes made here, and {@code leases} of theirs. */
    public void shareLeaseChanges(org.skyfleet.fleet.control.ControlLeases leases) {
        leaseChanges = new LeaseChangeFeed(nats, leases);
    }

    /** Where every node decides control leases: a lease granted through one node holds on all of them. */
    public SharedLeases sharedLeases() {
        return leases;
    }

    /** The bus shared with the other nodes: this node's states and events out, theirs in. */
    public FleetBus bus() {
        return bus;
    }

    /** What this node publishes only: for listeners that act on the vehicles this node holds. */
    public FleetBus localBus() {
        return bus.local();
    }

    /** Lets the links ingest only the vehicles this node owns. */
    public LinkGate gate() {
        return gate;
    }

    /** {@code store}, with each committed incident, sighting, assignment and audit entry also on the durable log. */
    public Store logged(Store store) {
        return LoggedStore.over(store, log, RECORD_ACK_WAIT);
    }

    public String nodeId() {
        return config.nodeId();
    }

    public ClusterConfig config() {
        return config;
    }

    /**
     * Campaigns to lead the records: this node opens them with {@code open} whenever it is elected, and routes
     * record calls to the leader otherwise. Closed with the node, before its links are released.
     *
     * @param grpcTarget where the other nodes reach this node's gRPC
     * @param store      the store the nodes share
     * @param open       opens the records on the store it is given (the shared one, writes checked against the lease)
     */
    public RecordsLeadership leadRecords(String grpcTarget, Store store, java.util.function.Function<Store, RecordsDomain> open) {
        recordsLeadership = RecordsLeadership.start(nats, config.nodeId(), grpcTarget, clock, config.ownerLease(), store, guarded -> {
            RecordsDomain records = open.apply(guarded);
            RecordsBroadcast.publish(records, nats);
            return records;
        }, meters);
        return recordsLeadership;
    }

    /** Hands {@code sink} the track changes the records leader publishes, when that is another node. */
    public void followTracks(java.util.function.Consumer<org.skyfleet.proto.v1.TrackUpdate> sink) {
        trackFollow = RecordsBroadcast.followTracks(nats, sink);
    }

    public BusMetrics busMetrics() {
        return busMetrics;
    }

    /**
     * Starts serving: other nodes' commands for the vehicles held here run through {@code localCommands},
     * other nodes' vehicles are mirrored into {@code registry}, and ownership is renewed.
     *
     * @return the commands this node's services use: local for its own vehicles, relayed for the others
     */
    public VehicleCommands start(VehicleRegistry registry, VehicleCommands localCommands, Duration heartbeatTimeout) {
        return start(registry, localCommands, heartbeatTimeout, null, null);
    }

    /**
     * As {@link #start(VehicleRegistry, VehicleCommands, Duration)}, with relayed calls carrying their caller: each
     * command and transfer sent to another node carries a token issued for its caller (or for this node's
     * automation, {@code node-<id>}), and each one received is refused unless its token is valid and its role may
     * call the RPC it stands for.
     *
     * @param tokens   issues and checks the relays' tokens; null: relays carry no caller and are not checked (no token key)
     * @param refusals where refused relays are counted for the audit journal; null: not audited
     */
    public VehicleCommands start(VehicleRegistry registry, VehicleCommands localCommands, Duration heartbeatTimeout,
                                 TokenAuthority tokens, RefusalTally refusals) {
        this.callerTokens = new CallerTokens(tokens, automationIdentity());
        this.relayGate = new RelayGate(tokens, refusals);
        relayServer = new CommandRelayServer(nats, ownership, localCommands, new CommandLedger<>(clock, Duration.ofHours(24), 100_000,
                org.skyfleet.server.control.FleetControl::neverSent), relayGate);
        mirror = bus.subscribeStates(new RemoteVehicleMirror(registry, gate));
        long renewMs = config.ownerLease().toMillis() / 3;
        io.scheduleAtFixedRate(() -> {
            try {
                gate.renew(registry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "link ownership renewal failed; retrying", e);
            }
        }, renewMs, renewMs, TimeUnit.MILLISECONDS);
        io.scheduleAtFixedRate(new SilentOwners(registry, gate, bus, clock, heartbeatTimeout.plus(SILENT_OWNER_MARGIN)),
                1, 1, TimeUnit.SECONDS);
        return new ClusterVehicleCommands(localCommands, gate, ownership,
                new CommandRelayClient(nats, config.relayDeadline(), callerTokens), io,
                relayReplies, meters);
    }

    /**
     * Mission, fence and rally transfers: for the vehicles this node holds through {@code local}, for the
     * others relayed to their owners; and this node's vehicles' transfers served to the other nodes. Call after
     * {@link #start}: the transfers' relays carry and check callers as the commands' do.
     */
    public MissionTransfer missionTransfers(MissionTransfer local) {
        transferRelayServer = new TransferRelayServer(nats, ownership, local, relayGate);
        return new ClusterMissionTransfer(local, gate, ownership, new TransferRelayClient(nats, TRANSFER_RELAY_DEADLINE, callerTokens), io,
                relayReplies, meters);
    }

    /** Who this node's own commands (enforcement, automation) are from when relayed. */
    Operator automationIdentity() {
        return new Operator("node-" + config.nodeId(), Operator.Role.AUTOMATION);
    }

    /** Call after the links have stopped, so nothing is claimed again after the release. */
    @Override
    public void close() {
        relayReplies.shutdown();
        if (recordsLeadership != null) {
            recordsLeadership.close(); // first: another node leads the records at once
        }
        io.shutdownNow();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (relayServer != null) {
            relayServer.close();
        }
        if (transferRelayServer != null) {
            transferRelayServer.close();
        }
        zoneReloads.shutdownNow();
        try {
            if (zoneNotices != null) {
                zoneNotices.close();
            }
        } catch (Exception e) {
            // closing anyway
        }
        if (missions != null) {
            missions.close(); // what is queued is posted before the connection closes
        }
        try {
            gate.releaseAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not release the vehicle links; other nodes take them when the leases run out", e);
        }
        try {
            if (trackFollow != null) {
                trackFollow.close();
            }
            if (leaseChanges != null) {
                leaseChanges.close();
            }
            if (mirror != null) {
                mirror.close();
            }
            bus.close();
            nats.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
