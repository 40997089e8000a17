package org.skyfleet.cluster.missions;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.KeyValueWatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionCodec;
import org.skyfleet.cluster.KvBuckets;

/**
 * Every node's missions as they change, in the JetStream key-value bucket {@value #BUCKET}, keyed
 * {@code <vehicle>.<mission>}: the node that takes a vehicle's link over reads its missions here and carries
 * them on. Entries go a day after their last change.
 */
public final class NatsMissionBoard {
    public static final String BUCKET = "skyfleet-missions";
    static final Duration ENTRY_MAX_AGE = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(NatsMissionBoard.class.getName());

    private final KeyValue kv;

    public static NatsMissionBoard open(Connection nats) throws IOException, JetStreamApiException {
        return new NatsMissionBoard(nats, BUCKET);
    }

    /** @param bucket the bucket (tests use their own) */
    public NatsMissionBoard(Connection nats, String bucket) throws IOException, JetStreamApiException {
        this.kv = KvBuckets.open(nats, bucket, ENTRY_MAX_AGE);
    }

    /** Posts the mission as it now stands. */
    public void put(Mission m) {
        try {
            kv.put(key(m.vehicleId()) + "." + key(m.missionId()), MissionCodec.mission(m).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("mission board unavailable: " + e.getMessage(), e);
        }
    }

    /** The vehicle's missions as their last owner posted them. */
    public List<Mission> of(String vehicleId) {
        List<Mission> out = new ArrayList<>();
        try {
            for (String k : kv.keys(key(vehicleId) + ".*")) {
                KeyValueEntry e = kv.get(k);
                if (e != null && e.getOperation() == KeyValueOperation.PUT) {
                    out.add(MissionCodec.mission(new String(e.getValue(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("mission board unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the mission board", e);
        }
        return out;
    }

    /**
     * Tells {@code posted} every mission on the board now, then each one as any node posts it, on the NATS
     * dispatcher thread (keep it quick). Close the result to stop.
     */
    public AutoCloseable watch(Consumer<Mission> posted) {
        KeyValueWatcher watcher = new KeyValueWatcher() {
            @Override
            public void watch(KeyValueEntry e) {
                if (e.getOperation() != KeyValueOperation.PUT) {
                    return;
                }
                try {
                    posted.accept(MissionCodec.mission(new String(e.getValue(), StandardCharsets.UTF_8)));
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "skipping board entry " + e.getKey(), ex);
                }
            }

            @Override
            public void endOfData() {
            }
        };
        try {
            return kv.watchAll(watcher, KeyValueWatchOption.IGNORE_DELETE);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("mission board unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted watching the mission board", e);
        }
    }

    /** KV key tokens: letters, digits, '-', '_' and '='; anything else becomes '_' (the '.' separates the two). */
    static String key(String id) {
        return id.replaceAll("[^A-Za-z0-9_=-]", "_");
    }
}
