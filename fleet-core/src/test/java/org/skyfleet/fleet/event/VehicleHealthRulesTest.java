package org.skyfleet.fleet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.GpsFix;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.TestVehicles;
import org.skyfleet.fleet.vehicle.VehicleState;

class VehicleHealthRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T21:00:00Z");
    private final VehicleHealthRules rules = new VehicleHealthRules(25, 12);
    private final VehicleState base = TestVehicles.connected("d1", NOW);

    private List<VehicleEvent> battery(double before, double after) {
        return rules.eventsFor(base.withBattery(TestVehicles.battery(before)), base.withBattery(TestVehicles.battery(after)), NOW);
    }

    @Test
    void lowBatteryWarnsOnceOnCrossingTheThresholdNotAboveIt() {
        assertThat(battery(26, 25)).isEmpty();
        assertThat(battery(25, 24.9)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.LOW_BATTERY);
            assertThat(e.severity()).isEqualTo(EventSeverity.WARNING);
        });
        assertThat(battery(24, 23)).isEmpty();
    }

    @Test
    void criticalBatteryIsCriticalOnCrossingItsOwnThreshold() {
        assertThat(battery(13, 12)).isEmpty();
        assertThat(battery(12, 11.9)).singleElement().extracting(VehicleEvent::severity).isEqualTo(EventSeverity.CRITICAL);
        // A sudden drop past both thresholds says the worse.
        assertThat(battery(40, 5)).singleElement().extracting(VehicleEvent::severity).isEqualTo(EventSeverity.CRITICAL);
    }

    @Test
    void unknownBatteryLevelRaisesNothing() {
        assertThat(battery(30, Double.NaN)).isEmpty();
    }

    @Test
    void linkLossAndRestoreAreEdges() {
        VehicleState lost = base.withStatus(base.status().withLinkState(LinkState.LOST));
        assertThat(rules.eventsFor(base, lost, NOW)).extracting(VehicleEvent::type).containsExactly(EventType.LINK_LOST);
        assertThat(rules.eventsFor(lost, lost, NOW)).isEmpty();
        assertThat(rules.eventsFor(lost, base, NOW)).extracting(VehicleEvent::type).containsExactly(EventType.LINK_RESTORED);
    }

    @Test
    void gpsFixBelow3dIsLostAnd3dOrBetterIsRestored() {
        VehicleState fix3d = base.withGps(TestVehicles.gps(GpsFix.FIX_3D));
        VehicleState fix2d = base.withGps(TestVehicles.gps(GpsFix.FIX_2D));
        VehicleState rtk = base.withGps(TestVehicles.gps(GpsFix.RTK_FIXED));
        assertThat(rules.eventsFor(fix3d, fix2d, NOW)).extracting(VehicleEvent::type).containsExactly(EventType.GPS_FIX_LOST);
        assertThat(rules.eventsFor(fix2d, rtk, NOW)).extracting(VehicleEvent::type).containsExactly(EventType.GPS_FIX_RESTORED);
        assertThat(rules.eventsFor(fix3d, rtk, NOW)).isEmpty();
    }

    @Test
    void newVehicleIsAnnounced() {
        assertThat(rules.eventsFor(null, base, NOW)).extracting(VehicleEvent::type).containsExactly(EventType.VEHICLE_DISCOVERED);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new VehicleHealthRules(10, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
