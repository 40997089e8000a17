package org.skyfleet.fleet.cluster;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Link ownership in memory, for tests: nodes that share one {@link Table} see each other's claims, with the
 * same rules as the broker's bucket (claim if free, expired or already ours; renewal fails once another
 * node took over; release never removes another node's claim).
 */
public final class InMemoryLinkOwnership implements LinkOwnership {

    /** The owners, shared by the nodes of one test. */
    public static final class Table {
        private final Map<String, LinkOwner> owners = new ConcurrentHashMap<>();
    }

    private final Table table;
    private final String nodeId;
    private final InstantSource clock;
    private final Duration lease;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public InMemoryLinkOwnership(Table table, String nodeId, InstantSource clock, Duration lease) {
        this.table = table;
        this.nodeId = nodeId;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public Optional<LinkOwner> owner(String vehicleId) {
        LinkOwner o = table.owners.get(vehicleId);
        return o == null || o.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(o);
    }

    @Override
    public LinkOwner claim(String vehicleId) {
        LinkOwner result = table.owners.compute(vehicleId, (id, o) -> o == null || o.nodeId().equals(nodeId)
                || o.expiredAt(clock.instant()) ? new LinkOwner(id, nodeId, clock.instant().plus(lease)) : o);
        if (result.nodeId().equals(nodeId)) {
            held.add(vehicleId);
        } else {
            held.remove(vehicleId);
        }
        return result;
    }

    @Override
    public boolean ownsLocally(String vehicleId) {
        return held.contains(vehicleId);
    }

    @Override
    public Set<String> renewAll() {
        Set<String> lost = new HashSet<>();
        for (String vehicleId : Set.copyOf(held)) {
            LinkOwner o = table.owners.computeIfPresent(vehicleId, (id, cur) -> cur.nodeId().equals(nodeId)
                    ? new LinkOwner(id, nodeId, clock.instant().plus(lease)) : cur);
            if (o == null || !o.nodeId().equals(nodeId)) {
                held.remove(vehicleId);
                lost.add(vehicleId);
            }
        }
        return lost;
    }

    @Override
    public void release(String vehicleId) {
        if (held.remove(vehicleId)) {
            table.owners.computeIfPresent(vehicleId, (id, cur) -> cur.nodeId().equals(nodeId) ? null : cur);
        }
    }

    @Override
    public void releaseAll() {
        Set.copyOf(held).forEach(this::release);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }
}
