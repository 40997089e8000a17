package org.skyfleet.cluster;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.time.Duration;

/** The fleet's JetStream key-value buckets: one latest value per key, on file, created by whichever node comes first. */
public final class KvBuckets {
    private KvBuckets() {
    }

    /**
     * Opens {@code bucket}, creating it if no node has yet.
     *
     * @param maxAge how long an entry stands after its last write; null for ever
     */
    public static KeyValue open(Connection nats, String bucket, Duration maxAge) throws IOException, JetStreamApiException {
        KeyValueManagement kvm = nats.keyValueManagement();
        if (!kvm.getBucketNames().contains(bucket)) {
            KeyValueConfiguration.Builder config = KeyValueConfiguration.builder().name(bucket).maxHistoryPerKey(1)
                    .storageType(StorageType.File);
            if (maxAge != null) {
                config.ttl(maxAge);
            }
            try {
                kvm.create(config.build());
            } catch (JetStreamApiException e) {
                if (!kvm.getBucketNames().contains(bucket)) { // another node created it meanwhile
                    throw e;
                }
            }
        }
        return nats.keyValue(bucket);
    }

    /** A key for an id: KV keys allow letters, digits and {@code -/_=.}; anything else becomes '_'. */
    public static String key(String id) {
        return id.replaceAll("[^A-Za-z0-9_=/.-]", "_");
    }
}
