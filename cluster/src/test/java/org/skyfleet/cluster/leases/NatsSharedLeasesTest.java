package org.skyfleet.cluster.leases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.SharedLeases;
import org.skyfleet.cluster.bus.NatsTestServer;

/** Shared leases on the real NATS, two nodes on two connections to one bucket. */
class NatsSharedLeasesTest {
    private final String bucket = NatsTestServer.unique("t-leases-");
    private final Operator pat = new Operator("pat", Operator.Role.PILOT);
    private final Operator lee = new Operator("lee", Operator.Role.PILOT);
    private Connection connA;
    private Connection connB;
    private NatsSharedLeases a;
    private NatsSharedLeases b;

    @BeforeEach
    void open() throws Exception {
        connA = NatsTestServer.connect("A");
        connB = NatsTestServer.connect("B");
        a = new NatsSharedLeases(connA, bucket);
        b = new NatsSharedLeases(connB, bucket);
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
    void aWriteAtAStaleVersionLosesAndTheRecordSurvivesDeletionAndReuse() {
        Instant now = Instant.parse("2026-12-06T01:00:00.123456789Z");
        ControlLease first = new ControlLease("mav-14550-1", pat, now, now.plusSeconds(60), "");
        assertThat(a.read("mav-14550-1")).isEqualTo(new SharedLeases.Versioned(null, 0));
        assertThat(a.write("mav-14550-1", 0, first)).isTrue();
        assertThat(b.write("mav-14550-1", 0, first)).as("B read before A wrote").isFalse();

        SharedLeases.Versioned seen = b.read("mav-14550-1");
        assertThat(seen.lease()).isEqualTo(first);
        ControlLease second = new ControlLease("mav-14550-1", lee, now, now.plusSeconds(60), "taken: \"north\"\nwith a newline");
        assertThat(a.write("mav-14550-1", seen.version(), second)).isTrue();
        assertThat(b.write("mav-14550-1", seen.version(), first)).isFalse();
        assertThat(b.read("mav-14550-1").lease()).isEqualTo(second);

        SharedLeases.Versioned now2 = a.read("mav-14550-1");
        assertThat(b.write("mav-14550-1", now2.version(), null)).isTrue();
        SharedLeases.Versioned deleted = a.read("mav-14550-1");
        assertThat(deleted.lease()).isNull();
        assertThat(a.write("mav-14550-1", deleted.version(), first)).as("granted again after a release").isTrue();
        assertThat(b.read("mav-14550-1").lease()).isEqualTo(first);
    }

    @Test
    void twoNodesLeasesOverTheBucketAgreeOnWhoHoldsAVehicle() {
        ControlLeases nodeA = new ControlLeases(InstantSource.system(), null, a);
        ControlLeases nodeB = new ControlLeases(InstantSource.system(), null, b);
        nodeA.acquire("mav-14550-2", pat, Duration.ofMinutes(1));

        assertThatThrownBy(() -> nodeB.acquire("mav-14550-2", lee, Duration.ofMinutes(1)))
                .isInstanceOf(LeaseConflictException.class).hasMessageContaining("pat");
        assertThat(nodeB.requireHeldBy("mav-14550-2", pat).holder()).isEqualTo(pat);
        assertThat(nodeB.release("mav-14550-2", pat)).isTrue();
        assertThat(nodeA.current("mav-14550-2")).isEmpty();
    }
}
