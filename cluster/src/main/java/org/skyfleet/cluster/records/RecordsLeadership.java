package org.skyfleet.cluster.records;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.skyfleet.fleet.store.Store;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.cluster.LinkOwner;
import org.skyfleet.cluster.KvBuckets;
import org.skyfleet.cluster.ownership.NatsLinkOwnership;
import org.skyfleet.server.records.RecordsDomain;

/**
 * Elects the node that leads the records. The lease is the one a vehicle's link uses (compare-and-set on
 * one key, {@value #RECORDS_KEY} in bucket {@value #ROLES_BUCKET}, renewed every third of the lease), so
 * of nodes racing one wins. The winner opens the records from the shared store and serves them; the
 * others route to the gRPC address it registered in bucket {@value #NODES_BUCKET}. A leader that cannot
 * renew within its lease (NATS lost, a long pause) closes its records before another node may have taken
 * over, so two nodes never write them knowingly at once (node clocks must agree well within the lease).
 */
public final class RecordsLeadership implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecordsLeadership.class.getName());
    public static final String ROLES_BUCKET = "skyfleet-roles";
    public static final String NODES_BUCKET = "skyfleet-nodes";
    public static final String RECORDS_KEY = "records";

    private final NatsLinkOwnership lease;
    private final KeyValue nodes;
    private final String nodeId;
    private final InstantSource clock;
    private final Duration leaseDuration;
    private final Store store;
    private final Function<Store, RecordsDomain> open;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("skyfleet-records-leadership", true));
    private volatile RecordsRoute route = RecordsRoute.unavailable("no records leader is known yet; retry shortly");
    /** Touched on the leadership thread only. */
    private RecordsDomain domain;
    /** When this node last renewed its records lease: read by every record write, on any thread. */
    private volatile Instant renewedAt = Instant.MIN;

    /**
     * Registers this node's gRPC address and starts campaigning.
     *
     * @param grpcTarget where other nodes reach this node's gRPC, host:port
     * @param store      the shared store
     * @param open       opens the records on the store it is given (the shared one, its record writes refused
     *                   once this node's lease has run out) when this node is elected
     */
    public static RecordsLeadership start(Connection nats, String nodeId, String grpcTarget, InstantSource clock, Duration lease,
                                          Store store, Function<Store, RecordsDomain> open, MeterRegistry meters) {
        try {
            return new RecordsLeadership(nats, ROLES_BUCKET, NODES_BUCKET, nodeId, grpcTarget, clock, lease, store, open, meters);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot open the records leadership buckets: " + e.getMessage(), e);
        }
    }

    RecordsLeadership(Connection nats, String rolesBucket, String nodesBucket, String nodeId, String grpcTarget,
                      InstantSource clock, Duration lease, Store store, Function<Store, RecordsDomain> open, MeterRegistry meters)
            throws IOException, JetStreamApiException {
        this.lease = new NatsLinkOwnership(nats, rolesBucket, nodeId, clock, lease);
        this.nodes = KvBuckets.open(nats, nodesBucket, null);
        this.nodeId = nodeId;
        this.clock = clock;
        this.leaseDuration = lease;
        this.store = store;
        this.open = open;
        nodes.put(KvBuckets.key(nodeId), grpcTarget.getBytes(StandardCharsets.UTF_8));
        Gauge.builder("skyfleet.records.leader", this, l -> l.route.isLocal() ? 1 : 0)
                .description("1 while this node leads the records (incidents, sightings, tracks, assignments)").register(meters);
        long tickMs = Math.max(100, lease.toMillis() / 3);
        thread.scheduleWithFixedDelay(this::tick, 0, tickMs, TimeUnit.MILLISECONDS);
    }

    /** Where records calls go now. */
    public RecordsRoute route() {
        return route;
    }

    public String nodeId() {
        return nodeId;
    }

    /** True while this node's records lease, renewed within its length, still stands. */
    boolean leaseHeld() {
        return clock.instant().isBefore(renewedAt.plus(leaseDuration));
    }

    private void tick() {
        try {
            if (domain != null) {
                renew();
            } else {
                campaign();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "records leadership: " + e.getMessage(), e);
            if (domain == null) {
                route = RecordsRoute.unavailable("the records leader cannot be found: " + e.getMessage());
            }
        } finally {
            if (domain != null && clock.instant().isAfter(renewedAt.plus(leaseDuration))) {
                stepDown("its lease could not be renewed within " + leaseDuration.toSeconds() + " s");
            }
        }
    }

    private void campaign() {
        LinkOwner leader = lease.claim(RECORDS_KEY);
        if (!leader.nodeId().equals(nodeId)) {
            String target = targetOf(leader.nodeId());
            route = target == null ? RecordsRoute.unavailable("records leader " + leader.nodeId() + " has no registered address")
                    : RecordsRoute.to(leader.nodeId(), target);
            return;
        }
        renewedAt = clock.instant();
        route = RecordsRoute.unavailable("node " + nodeId + " is taking the records over; retry shortly");
        long startNs = System.nanoTime();
        try {
            domain = open.apply(LeaseCheckedStore.over(store, this::leaseHeld, nodeId));
        } catch (RuntimeException e) {
            lease.release(RECORDS_KEY); // let a node that can open them lead
            throw e;
        }
        LOG.info(String.format("node %s leads the records (opened in %.0f ms)", nodeId, (System.nanoTime() - startNs) / 1e6));
        renew(); // opening may have taken a good part of the lease
        if (domain != null) { // else another node took the records over while they opened here
            route = RecordsRoute.here(domain);
        }
    }

    private void renew() {
        if (!lease.renewAll().isEmpty()) {
            stepDown("another node took the records over");
            return;
        }
        renewedAt = clock.instant();
    }

    private void stepDown(String why) {
        LOG.warning("node " + nodeId + " stops leading the records: " + why);
        route = RecordsRoute.unavailable("the records leader changed; retry shortly");
        RecordsDomain d = domain;
        domain = null;
        renewedAt = Instant.MIN;
        d.close();
    }

    private String targetOf(String node) {
        try {
            KeyValueEntry e = nodes.get(KvBuckets.key(node));
            return e == null || e.getOperation() != KeyValueOperation.PUT ? null : new String(e.getValue(), StandardCharsets.UTF_8);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("node addresses unavailable: " + e.getMessage(), e);
        }
    }

    /** Stops leading (the records close, then the lease is released so another node takes over at once). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        route = RecordsRoute.unavailable("node " + nodeId + " is stopping");
        if (domain != null) {
            domain.close();
            domain = null;
            try {
                lease.releaseAll();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not release the records lease; another node leads when it runs out", e);
            }
        }
    }
}
