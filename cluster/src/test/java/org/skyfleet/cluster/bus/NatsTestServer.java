package org.skyfleet.cluster.bus;

import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Connections to the NATS server with JetStream at {@code SKYFLEET_TEST_NATS_URL} (default the local
 * one). Unreachable: a test is skipped, except in CI ({@code CI=true}), where it fails, so a CI without
 * NATS cannot pass by skipping (as the PostgreSQL store tests do).
 */
public final class NatsTestServer {
    public static final String URL = System.getenv().getOrDefault("SKYFLEET_TEST_NATS_URL", "nats://127.0.0.1:4222");

    private NatsTestServer() {
    }

    /** A node's connection, as {@link NatsConnect} opens it. */
    public static Connection connect(String nodeId, BusMetrics metrics) {
        try {
            return NatsConnect.open(URL, nodeId, metrics);
        } catch (Exception e) {
            String why = "NATS is not reachable at " + URL + ": " + e;
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: NATS is required, so this is a failure, not a skip)");
            }
            Assumptions.abort(why + "; skipping the NATS tests");
            return null;
        }
    }

    public static Connection connect(String nodeId) {
        return connect(nodeId, new BusMetrics(new SimpleMeterRegistry()));
    }

    /** A name no other test run uses: for vehicle ids, streams, consumers, buckets. */
    public static String unique(String prefix) {
        return prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
