package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The budget is the source host's: rotating source ports does not multiply it. */
class PeerRateLimiterTest {

    private static int accepted(PeerRateLimiter limiter, String host, int ports, int datagramsPerPort) {
        int accepted = 0;
        for (int i = 0; i < datagramsPerPort; i++) {
            for (int p = 0; p < ports; p++) {
                if (limiter.tryAcquire(new InetSocketAddress(host, 40_000 + p), 0)) {
                    accepted++;
                }
            }
        }
        return accepted;
    }

    @Test
    void thirtyTwoPortsOfOneHostShareOneBurst() {
        PeerRateLimiter limiter = new PeerRateLimiter(100, 200);

        assertThat(accepted(limiter, "10.9.9.9", 32, 100)).isEqualTo(200);
    }

    @Test
    void anotherHostHasItsOwnBudget() {
        PeerRateLimiter limiter = new PeerRateLimiter(100, 200);
        accepted(limiter, "10.9.9.9", 32, 100);

        assertThat(accepted(limiter, "10.9.9.10", 1, 200)).isEqualTo(200);
    }

    @Test
    void theBudgetRefillsAtTheSustainedRate() {
        PeerRateLimiter limiter = new PeerRateLimiter(100, 200);
        accepted(limiter, "10.9.9.9", 32, 100);

        assertThat(limiter.tryAcquire(new InetSocketAddress("10.9.9.9", 50_000), 9_000_000)).as("0.9 datagram earned").isFalse();
        assertThat(limiter.tryAcquire(new InetSocketAddress("10.9.9.9", 50_001), 20_000_000)).as("2 datagrams earned").isTrue();
    }
}
