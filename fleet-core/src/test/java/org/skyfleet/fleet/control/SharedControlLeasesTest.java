package org.skyfleet.fleet.control;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two nodes' leases over one shared record per vehicle: a lease granted through one holds on the other. */
class SharedControlLeasesTest {
    private final ManualClock clock = new ManualClock();
    private final SharedLeases shared = new InMemorySharedLeases();
    private final ControlLeases nodeA = new ControlLeases(clock, null, shared);
    private final ControlLeases nodeB = new ControlLeases(clock, null, shared);
    private final Operator pat = new Operator("pat", Operator.Role.PILOT);
    private final Operator lee = new Operator("lee", Operator.Role.PILOT);
    private final Operator kim = new Operator("kim", Operator.Role.COMMANDER);

    @Test
    void aLeaseGrantedThroughOneNodeHoldsOnTheOther() {
        nodeA.acquire("drone-1", pat, Duration.ofMinutes(2));

        assertThatThrownBy(() -> nodeB.acquire("drone-1", lee, Duration.ofMinutes(2)))
                .isInstanceOf(LeaseConflictException.class).hasMessageContaining("pat");
        assertThat(nodeB.requireHeldBy("drone-1", pat).holder()).isEqualTo(pat);
        assertThatThrownBy(() -> nodeB.requireHeldBy("drone-1", lee)).isInstanceOf(LeaseConflictException.class);
        // renewed through B: A sees the later expiry
        clock.advance(Duration.ofMinutes(1));
        nodeB.acquire("drone-1", pat, Duration.ofMinutes(2));
        assertThat(nodeA.current("drone-1").orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void aTakeOverOrReleaseThroughOneNodeIsSeenOnTheOther() {
        nodeA.acquire("drone-1", pat, Duration.ofMinutes(2));
        nodeB.takeOver("drone-1", kim, Duration.ofMinutes(2), "suspect fled north");
        assertThatThrownBy(() -> nodeA.requireHeldBy("drone-1", pat)).isInstanceOf(LeaseConflictException.class)
                .hasMessageContaining("kim");
        assertThat(nodeA.release("drone-1", pat)).as("pat no longer holds it").isFalse();
        assertThat(nodeA.release("drone-1", kim)).isTrue();
        assertThat(nodeB.current("drone-1")).isEmpty();
        nodeB.acquire("drone-1", lee, Duration.ofMinutes(2));
        assertThat(nodeA.current("drone-1").orElseThrow().holder()).isEqualTo(lee);
    }

    @Test
    void aLeaseRenewedElsewhereIsNotExpiredHereAndAReallyLapsedOneIs() {
        List<LeaseChange> heardOnA = new ArrayList<>();
        nodeA.subscribe(heardOnA::add);
        nodeA.acquire("drone-1", pat, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(20));
        nodeB.acquire("drone-1", pat, Duration.ofSeconds(30)); // renewed through B
        clock.advance(Duration.ofSeconds(20));

        assertThat(nodeA.expireDue()).isEmpty();
        assertThat(nodeA.requireHeldBy("drone-1", pat).holder()).isEqualTo(pat);
        clock.advance(Duration.ofSeconds(20));
        assertThat(nodeA.expireDue()).extracting(LeaseChange::kind).containsExactly(LeaseChange.Kind.EXPIRED);
        assertThat(heardOnA).extracting(LeaseChange::kind).containsExactly(LeaseChange.Kind.ACQUIRED, LeaseChange.Kind.EXPIRED);
    }

    @Test
    void ofTwoNodesGrantingAtOnceOneWinsAndTheOtherIsRefused() throws Exception {
        // B writes between A's read and A's write: A reads again and finds lee holding it
        SharedLeases racing = new SharedLeases() {
            private boolean raced;

            @Override
            public Versioned read(String vehicleId) {
                return shared.read(vehicleId);
            }

            @Override
            public boolean write(String vehicleId, long version, ControlLease next) {
                if (!raced) {
                    raced = true;
                    nodeB.acquire(vehicleId, lee, Duration.ofMinutes(2));
                }
                return shared.write(vehicleId, version, next);
            }
        };
        ControlLeases nodeC = new ControlLeases(clock, null, racing);

        assertThatThrownBy(() -> nodeC.acquire("drone-1", pat, Duration.ofMinutes(2)))
                .isInstanceOf(LeaseConflictException.class).hasMessageContaining("lee");
        assertThat(nodeA.current("drone-1").orElseThrow().holder()).isEqualTo(lee);
    }
}
