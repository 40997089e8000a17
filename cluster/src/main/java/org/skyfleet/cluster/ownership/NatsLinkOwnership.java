package org.skyfleet.cluster.ownership;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.skyfleet.fleet.cluster.LinkOwner;
import org.skyfleet.fleet.cluster.LinkOwnership;
import org.skyfleet.cluster.KvBuckets;

/**
 * Link ownership in the JetStream key-value bucket {@value #BUCKET}: one key per vehicle, its value the
 * owner and the lease's expiry. A claim creates the key (only if absent) or updates it at the revision it
 * read (only if nobody wrote since), so of two nodes racing one wins and the other is told who did. The
 * owner renews at the revision of its own last write: if that fails another node took over while this one
 * stalled, and it lets go. A release deletes at that revision, never removing a newer owner's claim.
 */
public final class NatsLinkOwnership implements LinkOwnership {
    public static final String BUCKET = "skyfleet-owners";
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final KeyValue kv;
    private final String nodeId;
    private final InstantSource clock;
    private final Duration lease;
    /** Vehicle id -> revision of this node's last write of its key. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();

    /** Opens the fleet's bucket, creating it if this is the first node. */
    public static NatsLinkOwnership open(Connection nats, String nodeId, InstantSource clock, Duration lease)
            throws IOException, JetStreamApiException {
        return new NatsLinkOwnership(nats, BUCKET, nodeId, clock, lease);
    }

    /**
     * @param bucket the bucket (tests use their own)
     * @param lease  how long a claim stands without renewal; renew at a third of it
     */
    public NatsLinkOwnership(Connection nats, String bucket, String nodeId, InstantSource clock, Duration lease)
            throws IOException, JetStreamApiException {
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("node id must be 1-64 letters, digits, '_' or '-', got '" + nodeId + "'");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        this.kv = KvBuckets.open(nats, bucket, null);
        this.nodeId = nodeId;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Optional<LinkOwner> owner(String vehicleId) {
        KeyValueEntry e = read(vehicleId);
        LinkOwner o = current(vehicleId, e);
        return o == null || o.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(o);
    }

    @Override
    public LinkOwner claim(String vehicleId) {
        Instant now = clock.instant();
        KeyValueEntry e = read(vehicleId);
        LinkOwner standing = current(vehicleId, e);
        if (standing != null && !standing.nodeId().equals(nodeId) && !standing.expiredAt(now)) {
            held.remove(vehicleId);
            return standing;
        }
        Instant expires = now.plus(lease);
        byte[] value = OwnerRecord.encode(nodeId, expires);
        try {
            String key = KvBuckets.key(vehicleId);
            long revision = e == null ? kv.create(key, value) : kv.update(key, value, e.getRevision());
            held.put(vehicleId, revision);
            return new LinkOwner(vehicleId, nodeId, expires);
        } catch (JetStreamApiException lostRace) {
            held.remove(vehicleId);
            LinkOwner winner = current(vehicleId, read(vehicleId));
            if (winner == null) {
                throw new IllegalStateException("claim of " + vehicleId + " failed and nobody holds it: " + lostRace.getMessage(), lostRace);
            }
            return winner;
        } catch (IOException io) {
            throw unavailable(io);
        }
    }

    @Override
    public boolean ownsLocally(String vehicleId) {
        return held.containsKey(vehicleId);
    }

    @Override
    public Set<String> renewAll() {
        Set<String> lost = new HashSet<>();
        for (Map.Entry<String, Long> h : held.entrySet()) {
            byte[] value = OwnerRecord.encode(nodeId, clock.instant().plus(lease));
            try {
                held.put(h.getKey(), kv.update(KvBuckets.key(h.getKey()), value, h.getValue()));
            } catch (JetStreamApiException takenOver) {
                held.remove(h.getKey());
                lost.add(h.getKey());
            } catch (IOException io) {
                throw unavailable(io);
            }
        }
        return lost;
    }

    @Override
    public void release(String vehicleId) {
        Long revision = held.remove(vehicleId);
        if (revision == null) {
            return;
        }
        try {
            kv.delete(KvBuckets.key(vehicleId), revision);
        } catch (JetStreamApiException alreadyTaken) {
            // another node took it over: its claim stands
        } catch (IOException io) {
            throw unavailable(io);
        }
    }

    @Override
    public void releaseAll() {
        for (String vehicleId : Set.copyOf(held.keySet())) {
            release(vehicleId);
        }
    }

    private KeyValueEntry read(String vehicleId) {
        try {
            return kv.get(KvBuckets.key(vehicleId));
        } catch (IOException | JetStreamApiException e) {
            throw unavailable(e);
        }
    }

    /** The owner in an entry; null if absent, deleted or unreadable. */
    private static LinkOwner current(String vehicleId, KeyValueEntry e) {
        if (e == null || e.getOperation() != KeyValueOperation.PUT) {
            return null;
        }
        return OwnerRecord.decode(vehicleId, e.getValue());
    }


    private static IllegalStateException unavailable(Exception e) {
        return new IllegalStateException("link ownership store unavailable: " + e.getMessage(), e);
    }
}
