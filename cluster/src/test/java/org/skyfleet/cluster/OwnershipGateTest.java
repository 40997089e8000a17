package org.skyfleet.cluster;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.cluster.InMemoryLinkOwnership;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

/** The gate's decisions with ownership in memory and the claims run when the test says. */
class OwnershipGateTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T23:00:00Z"));
    private final InMemoryLinkOwnership.Table table = new InMemoryLinkOwnership.Table();
    private final InMemoryLinkOwnership mine = new InMemoryLinkOwnership(table, "A", clock, LEASE);
    private final InMemoryLinkOwnership other = new InMemoryLinkOwnership(table, "B", clock, LEASE);
    private final List<Runnable> io = new ArrayList<>();
    private final OwnershipGate gate = new OwnershipGate(mine, io::add, clock, Duration.ofSeconds(1), new SimpleMeterRegistry());

    @Test
    void aNewVehicleStartsOneClaimAndIsRefusedUntilItIsWon() {
        assertThat(gate.admit("v")).isFalse();
        assertThat(gate.admit("v")).isFalse();
        assertThat(io).as("one claim, however many frames").hasSize(1);
        runClaims();
        assertThat(gate.admit("v")).isTrue();
        assertThat(gate.holds("v")).isTrue();
        assertThat(io).isEmpty();
    }

    @Test
    void aVehicleOwnedElsewhereIsAskedAboutAgainOnlyAfterTheRecheckAndTakenWhenItsLeaseRunsOut() {
        other.claim("v");
        gate.admit("v");
        runClaims();
        assertThat(gate.holds("v")).isFalse();

        clock.advance(Duration.ofMillis(999));
        assertThat(gate.admit("v")).isFalse();
        assertThat(io).isEmpty();
        clock.advance(Duration.ofMillis(1));
        gate.admit("v");
        assertThat(io).hasSize(1);
        runClaims();
        assertThat(gate.holds("v")).isFalse();

        clock.advance(LEASE);  // B stopped renewing
        gate.admit("v");
        runClaims();
        assertThat(gate.admit("v")).isTrue();
        assertThat(other.owner("v").orElseThrow().nodeId()).isEqualTo("A");
    }

    @Test
    void renewalLetsGoOfVehiclesNoLongerHeardHereAndOfThoseTakenOver() {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        for (String v : List.of("heard", "lost", "stalled")) {
            gate.admit(v);
        }
        runClaims();
        registry.mirror(state("heard", LinkState.CONNECTED));
        registry.mirror(state("lost", LinkState.LOST));
        registry.mirror(state("stalled", LinkState.CONNECTED));
        clock.advance(LEASE);
        other.claim("stalled");  // A's lease ran out before it renewed

        gate.renew(registry);

        assertThat(gate.holds("heard")).isTrue();
        assertThat(gate.holds("lost")).isFalse();
        assertThat(other.owner("lost")).as("released for a node that hears it").isEmpty();
        assertThat(gate.holds("stalled")).isFalse();
        assertThat(other.owner("stalled").orElseThrow().nodeId()).isEqualTo("B");
        clock.advance(LEASE.minusSeconds(1));
        assertThat(other.owner("heard").orElseThrow().nodeId()).as("renewed").isEqualTo("A");
    }

    @Test
    void aCleanShutdownFreesEverything() {
        gate.admit("v");
        runClaims();
        gate.releaseAll();
        assertThat(gate.holds("v")).isFalse();
        assertThat(other.claim("v").nodeId()).isEqualTo("B");
    }

    private void runClaims() {
        List<Runnable> now = new ArrayList<>(io);
        io.clear();
        now.forEach(Runnable::run);
    }

    private static VehicleState state(String id, LinkState link) {
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "127.0.0.1:1"),
                new FlightStatus(link, Instant.EPOCH, false, "HOLD", SystemStatus.STANDBY, LandedState.ON_GROUND),
                null, null, null, null, null, null, 3);
    }
}
