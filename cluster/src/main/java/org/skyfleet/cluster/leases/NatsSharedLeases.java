package org.skyfleet.cluster.leases;

import io.grpc.Status;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.SharedLeases;
import org.skyfleet.cluster.KvBuckets;

/**
 * The fleet's control leases in the JetStream key-value bucket {@value #BUCKET}, one key per vehicle.
 * A write names the revision it read: JetStream refuses it if anyone wrote since, which is what makes
 * two nodes granting the same vehicle at once safe. Entries vanish a while after the longest lease could
 * have lapsed, so the bucket does not grow with every vehicle ever flown.
 */
public final class NatsSharedLeases implements SharedLeases {
    public static final String BUCKET = "skyfleet-leases";
    /** Longer than any lease ({@link ControlLeases#MAX_TTL}) so a live lease is never dropped by the bucket. */
    static final Duration ENTRY_MAX_AGE = ControlLeases.MAX_TTL.plusMinutes(5);

    private final KeyValue kv;

    /** Opens the fleet's bucket, creating it if this is the first node. */
    public static NatsSharedLeases open(Connection nats) throws IOException, JetStreamApiException {
        return new NatsSharedLeases(nats, BUCKET);
    }

    /** @param bucket the bucket (tests use their own) */
    public NatsSharedLeases(Connection nats, String bucket) throws IOException, JetStreamApiException {
        this.kv = KvBuckets.open(nats, bucket, ENTRY_MAX_AGE);
    }

    @Override
    public Versioned read(String vehicleId) {
        KeyValueEntry e;
        try {
            e = kv.get(KvBuckets.key(vehicleId));
        } catch (IOException | JetStreamApiException ex) {
            throw unavailable(ex);
        }
        if (e == null) {
            return new Versioned(null, 0);
        }
        return new Versioned(e.getOperation() == KeyValueOperation.PUT ? decode(vehicleId, e.getValue()) : null, e.getRevision());
    }

    @Override
    public boolean write(String vehicleId, long version, ControlLease next) {
        try {
            if (next == null) {
                kv.delete(KvBuckets.key(vehicleId), version);
            } else if (version == 0) {
                kv.create(KvBuckets.key(vehicleId), encode(next));
            } else {
                kv.update(KvBuckets.key(vehicleId), encode(next), version);
            }
            return true;
        } catch (JetStreamApiException changedMeanwhile) {
            return false; // wrong last sequence: another node wrote first
        } catch (IOException ex) {
            throw unavailable(ex);
        }
    }

    static byte[] encode(ControlLease l) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(l.holder().subject());
            out.writeUTF(l.holder().role().name());
            out.writeLong(l.acquiredAt().getEpochSecond());
            out.writeInt(l.acquiredAt().getNano());
            out.writeLong(l.expiresAt().getEpochSecond());
            out.writeInt(l.expiresAt().getNano());
            out.writeUTF(l.reason() == null ? "" : l.reason());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the lease of " + l.vehicleId(), e);
        }
        return bytes.toByteArray();
    }

    static ControlLease decode(String vehicleId, byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            Operator holder = new Operator(in.readUTF(), Operator.Role.valueOf(in.readUTF()));
            Instant acquired = Instant.ofEpochSecond(in.readLong(), in.readInt());
            Instant expires = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new ControlLease(vehicleId, holder, acquired, expires, in.readUTF());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the shared lease of " + vehicleId + " cannot be read: " + e.getMessage(), e);
        }
    }


    /** The callers are gRPC handlers and the automation: the one gets a precise status, the other audits it. */
    private static RuntimeException unavailable(Exception e) {
        return Status.UNAVAILABLE.withDescription("shared control leases unavailable (NATS): " + e.getMessage())
                .withCause(e).asRuntimeException();
    }
}
