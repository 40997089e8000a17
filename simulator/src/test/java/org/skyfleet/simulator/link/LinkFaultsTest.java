package org.skyfleet.simulator.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.clock.SimClock;

/** Loss, latency and outage of a radio link, in simulated time. */
class LinkFaultsTest {
    private final SimClock clock = new SimClock(0);
    private final MemoryLink memory = new MemoryLink();
    private final LinkFaults link = new LinkFaults(memory.vehicleEnd(), clock, 3);

    private List<byte[]> atGround() {
        List<byte[]> got = new ArrayList<>();
        memory.groundEnd().receive(got::add);
        return got;
    }

    @Test
    void lossRateIsHonouredInBothDirections() {
        link.setLossRate(0.3);
        for (int i = 0; i < 10_000; i++) {
            link.send(new byte[] {1});
            memory.groundEnd().send(new byte[] {2});
        }
        int[] up = {0};
        link.receive(d -> up[0]++);
        int down = atGround().size();
        assertThat(down).isBetween(6700, 7300);
        assertThat(up[0]).isBetween(6700, 7300);
        assertThat(link.lost()).isEqualTo(20_000L - up[0] - down);
    }

    @Test
    void latencyDelaysInOrderByExactlyTheSimulatedTime() {
        link.setLatencyMs(200);
        link.send(new byte[] {1});
        clock.step();
        link.send(new byte[] {2});
        while (clock.nowMs() < 200) {
            link.flush();
            assertThat(atGround()).isEmpty();
            clock.step();
        }
        link.flush();
        assertThat(atGround()).extracting(d -> d[0]).containsExactly((byte) 1);
        clock.step();
        link.flush();
        assertThat(atGround()).extracting(d -> d[0]).containsExactly((byte) 2);
    }

    @Test
    void aDownLinkLosesEverythingUntilItComesBack() {
        link.setUp(false);
        link.send(new byte[] {1});
        memory.groundEnd().send(new byte[] {2});
        List<byte[]> up = new ArrayList<>();
        link.receive(up::add);
        assertThat(atGround()).isEmpty();
        assertThat(up).isEmpty();
        link.setUp(true);
        link.send(new byte[] {3});
        assertThat(atGround()).extracting(d -> d[0]).containsExactly((byte) 3);
    }
}
