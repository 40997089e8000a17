package org.skyfleet.cluster.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.cluster.LinkOwner;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.cluster.bus.NatsTestServer;

/** Two nodes on their own connections claiming the same vehicles in a bucket of their own on the real NATS. */
class NatsLinkOwnershipTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T23:00:00Z"));
    private final String bucket = NatsTestServer.unique("t-owners-");
    private Connection connA;
    private Connection connB;
    private NatsLinkOwnership a;
    private NatsLinkOwnership b;

    @BeforeEach
    void open() throws Exception {
        connA = NatsTestServer.connect("A");
        connB = NatsTestServer.connect("B");
        a = new NatsLinkOwnership(connA, bucket, "A", clock, LEASE);
        b = new NatsLinkOwnership(connB, bucket, "B", clock, LEASE);
    }

    @AfterEach
    void close() throws Exception {
        if (connA != null) {
            connA.keyValueManagement().delete(bucket);
            connA.close();
            connB.close();
        }
    }

    @Test
    void theFirstClaimWinsAndTheOtherNodeIsToldWhoOwnsIt() {
        assertThat(a.claim("mav-14550-1")).isEqualTo(new LinkOwner("mav-14550-1", "A", clock.instant().plus(LEASE)));
        assertThat(b.claim("mav-14550-1").nodeId()).isEqualTo("A");
        assertThat(a.ownsLocally("mav-14550-1")).isTrue();
        assertThat(b.ownsLocally("mav-14550-1")).isFalse();
        assertThat(b.owner("mav-14550-1")).map(LinkOwner::nodeId).contains("A");
        assertThat(b.owner("mav-14550-2")).isEmpty();
    }

    @Test
    void aRenewedLeaseHoldsAndAnExpiredOneIsTakenOver() {
        a.claim("v1");
        clock.advance(Duration.ofSeconds(6));
        assertThat(a.renewAll()).isEmpty();
        clock.advance(Duration.ofSeconds(9));  // 15 s after the claim, 9 s after the renewal: still A's
        assertThat(b.claim("v1").nodeId()).isEqualTo("A");

        clock.advance(Duration.ofSeconds(1));  // 10 s after the renewal: expired
        assertThat(b.owner("v1")).isEmpty();
        assertThat(b.claim("v1").nodeId()).isEqualTo("B");
        assertThat(b.ownsLocally("v1")).isTrue();

        // A comes back from its stall: its renewal fails, it lets go, and B keeps the vehicle
        assertThat(a.renewAll()).containsExactly("v1");
        assertThat(a.ownsLocally("v1")).isFalse();
        a.release("v1");
        assertThat(a.owner("v1")).map(LinkOwner::nodeId).contains("B");
    }

    @Test
    void aCleanShutdownFreesTheVehiclesAtOnce() {
        a.claim("v1");
        a.claim("v2");
        a.releaseAll();
        assertThat(b.owner("v1")).isEmpty();
        assertThat(b.claim("v1").nodeId()).isEqualTo("B");
        assertThat(b.claim("v2").nodeId()).isEqualTo("B");
        assertThat(a.claim("v2").nodeId()).isEqualTo("B");
    }

    @Test
    void ofManyNodesRacingForAFreeVehicleExactlyOneWins() throws Exception {
        List<NatsLinkOwnership> nodes = new ArrayList<>(List.of(a, b));
        for (String id : List.of("C", "D")) {
            nodes.add(new NatsLinkOwnership(id.equals("C") ? connA : connB, bucket, id, clock, LEASE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            for (int round = 0; round < 20; round++) {
                String vehicle = "race-" + round;
                List<Future<LinkOwner>> claims = new ArrayList<>();
                for (NatsLinkOwnership n : nodes) {
                    claims.add(pool.submit((Callable<LinkOwner>) () -> n.claim(vehicle)));
                }
                List<String> winners = new ArrayList<>();
                for (Future<LinkOwner> f : claims) {
                    winners.add(f.get().nodeId());
                }
                assertThat(winners).as("every node is told the same owner").containsOnly(winners.get(0));
                assertThat(nodes.stream().filter(n -> n.ownsLocally(vehicle)).count()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
