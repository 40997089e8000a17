package org.skyfleet.fleet.control;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlLeasesTest {
    private static final Operator ALICE = new Operator("alice", Operator.Role.PILOT);
    private static final Operator BOB = new Operator("bob", Operator.Role.PILOT);
    private static final Operator CHIEF = new Operator("chief", Operator.Role.COMMANDER);
    private static final Duration TTL = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final ControlLeases leases = new ControlLeases(clock);
    private final List<LeaseChange> changes = new ArrayList<>();

    {
        leases.subscribe(changes::add);
    }

    @Test
    void oneHolderAtATimeAndOthersAreToldWhoHoldsIt() {
        leases.acquire("d1", ALICE, TTL);

        assertThatThrownBy(() -> leases.acquire("d1", BOB, TTL)).isInstanceOf(LeaseConflictException.class)
                .hasMessageContaining("alice (pilot)");
        assertThatThrownBy(() -> leases.requireHeldBy("d1", BOB)).isInstanceOf(LeaseConflictException.class)
                .hasMessageContaining("alice");
        assertThat(leases.requireHeldBy("d1", ALICE).holder()).isEqualTo(ALICE);
    }

    @Test
    void changesMadeThroughAnotherNodeAreToldOnceAndKeptInView() {
        java.util.List<LeaseChange> heard = new java.util.ArrayList<>();
        leases.subscribe(heard::add);
        ControlLease remote = new ControlLease("d1", BOB, clock.instant(), clock.instant().plus(TTL), "");
        LeaseChange acquired = new LeaseChange("d1", LeaseChange.Kind.ACQUIRED, remote, null, clock.instant());
        leases.mirror(acquired);
        leases.mirror(acquired); // heard again: no news
        clock.advance(TTL.plusSeconds(1));
        assertThat(leases.expireDue()).extracting(LeaseChange::kind).containsExactly(LeaseChange.Kind.EXPIRED);
        leases.mirror(new LeaseChange("d1", LeaseChange.Kind.EXPIRED, null, BOB, clock.instant())); // the other node's verdict, later

        assertThat(heard).extracting(LeaseChange::kind).containsExactly(LeaseChange.Kind.ACQUIRED, LeaseChange.Kind.EXPIRED);
    }

    @Test
    void leaseLapsesExactlyAtItsExpiryUnlessRenewed() {
        leases.acquire("d1", ALICE, TTL);
        clock.advance(Duration.ofSeconds(29));
        leases.acquire("d1", ALICE, TTL);  // renewal by the holder
        clock.advance(Duration.ofSeconds(29));
        assertThat(leases.current("d1")).isPresent();
        clock.advance(Duration.ofSeconds(1));

        assertThat(leases.current("d1")).isEmpty();
        assertThat(leases.acquire("d1", BOB, TTL).holder()).isEqualTo(BOB);
    }

    @Test
    void commanderTakesOverWithAReasonAndThePreviousHolderIsTold() {
        leases.acquire("d1", ALICE, TTL);
        leases.takeOver("d1", CHIEF, TTL, "sighting confirmed, I fly it now");

        assertThat(changes).last().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(LeaseChange.Kind.TAKEN_OVER);
            assertThat(c.previous()).isEqualTo(ALICE);
            assertThat(c.lease().holder()).isEqualTo(CHIEF);
            assertThat(c.lease().reason()).contains("sighting confirmed");
        });
        assertThatThrownBy(() -> leases.requireHeldBy("d1", ALICE)).isInstanceOf(LeaseConflictException.class);
    }

    @Test
    void takeOverNeedsTheRoleAndAReason() {
        leases.acquire("d1", ALICE, TTL);
        assertThatThrownBy(() -> leases.takeOver("d1", BOB, TTL, "mine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commander");
        assertThatThrownBy(() -> leases.takeOver("d1", CHIEF, TTL, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void ttlMustBePositiveAndAtMostTenMinutes() {
        assertThat(leases.acquire("d1", ALICE, ControlLeases.MAX_TTL).holder()).isEqualTo(ALICE);
        assertThatThrownBy(() -> leases.acquire("d2", ALICE, ControlLeases.MAX_TTL.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> leases.acquire("d2", ALICE, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void watchersCannotHoldALease() {
        Operator officer = new Operator("o1", Operator.Role.OFFICER);
        assertThatThrownBy(() -> leases.acquire("d1", officer, TTL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseAndExpiryAreAnnounced() {
        leases.acquire("d1", ALICE, TTL);
        leases.acquire("d2", BOB, TTL);
        assertThat(leases.release("d1", BOB)).isFalse();
        assertThat(leases.release("d1", ALICE)).isTrue();
        clock.advance(TTL);

        assertThat(leases.expireDue()).extracting(LeaseChange::vehicleId).containsExactly("d2");
        assertThat(changes).extracting(LeaseChange::kind).containsExactly(LeaseChange.Kind.ACQUIRED,
                LeaseChange.Kind.ACQUIRED, LeaseChange.Kind.RELEASED, LeaseChange.Kind.EXPIRED);
    }
}
