package org.skyfleet.simulator.dock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.VehicleSpec;
import org.skyfleet.simulator.world.LocalFrame;

/** The dock's charging curve and its two kinds, on a drone and on a ground robot alike. */
class DockTest {
    private static final LocalFrame FRAME = new LocalFrame(29.87, 121.55);

    private static SimVehicle drone(double percent) {
        return new SimVehicle("drone-1", 1, VehicleSpec.px4Quadrotor(), FRAME, 0, 0, 10, percent, 1);
    }

    @Test
    void chargesAtConstantCurrentToTheKneeThenTapersAndTerminatesAtFull() {
        ChargingCurve c = new ChargingCurve(2.0, 80);
        double cc = 100 * 2.0 / 3600;
        assertThat(c.ratePercentPerS(10)).isCloseTo(cc, within(1e-12));
        assertThat(c.ratePercentPerS(79.9)).isCloseTo(cc, within(1e-12));
        assertThat(c.ratePercentPerS(90)).isCloseTo(cc / 2, within(1e-12));
        assertThat(c.ratePercentPerS(100)).isZero();
        // from 20 %: 60 % at 2 C is 1,080 s; then the CV part, tau = 20 / cc = 360 s, ln(20 / 1) of them
        assertThat(c.secondsToFull(20)).isCloseTo(1080 + 360 * Math.log(20), within(1e-6));
        double p = 20;
        int s = 0;
        while (p < 100) {
            p = c.charge(p, 1);
            s++;
        }
        assertThat((double) s).isCloseTo(c.secondsToFull(20), within(5.0));
        assertThat(c.charge(99.5, 0.01)).as("within the termination band: full").isEqualTo(100);
    }

    @Test
    void aChargerChargesOnlyAParkedDisarmedVehicleOnItsPad() {
        SimVehicle v = drone(30);
        Dock pad = new Dock(Dock.Kind.CHARGER, 2, 0, ChargingCurve.standard(), 120);
        assertThat(pad.step(v, true, 10)).isFalse();
        assertThat(v.batteryPercent()).as("armed: no charge").isEqualTo(30);
        assertThat(pad.phase()).isEqualTo(Dock.Phase.EMPTY);
        pad.step(v, false, 10);
        assertThat(pad.phase()).isEqualTo(Dock.Phase.CHARGING);
        assertThat(v.batteryPercent()).isCloseTo(30 + 10 * 100 * 2.0 / 3600, within(1e-9));
        Dock far = new Dock(Dock.Kind.CHARGER, Dock.PARK_RADIUS_M + 0.5, 0, ChargingCurve.standard(), 120);
        double before = v.batteryPercent();
        far.step(v, false, 10);
        assertThat(far.occupied()).isFalse();
        assertThat(v.batteryPercent()).as("off the pad").isEqualTo(before);
        for (int i = 0; i < 400 && v.batteryPercent() < 100; i++) {
            pad.step(v, false, 10);
        }
        assertThat(v.batteryPercent()).isEqualTo(100);
        assertThat(pad.phase()).isEqualTo(Dock.Phase.OCCUPIED);
    }

    @Test
    void aSwapperPutsAFullPackInAfterTheSwapTimeOfStandingStillAndTheSerialChanges() {
        SimVehicle v = drone(26);
        String first = v.battery().serialFor(v.systemId());
        Dock pad = new Dock(Dock.Kind.SWAPPER, 0, 0, ChargingCurve.standard(), 60);
        assertThat(pad.step(v, false, 30)).isFalse();
        assertThat(pad.phase()).isEqualTo(Dock.Phase.SWAPPING);
        assertThat(v.batteryPercent()).as("the old pack until the swap is done").isEqualTo(26);
        assertThat(pad.step(v, true, 30)).as("armed: the clock stops").isFalse();
        assertThat(pad.step(v, false, 30)).isTrue();
        assertThat(v.batteryPercent()).isEqualTo(100);
        assertThat(v.battery().serialFor(v.systemId())).isNotEqualTo(first).isEqualTo("SIM-PACK-001-2");
        assertThat(pad.step(v, false, 60)).as("a full pack is not swapped again").isFalse();
        assertThat(pad.phase()).isEqualTo(Dock.Phase.OCCUPIED);
    }

    @Test
    void aGroundRobotUsesAKioskDockTheSameWay() {
        SimVehicle robot = new SimVehicle("robot-1", 2, VehicleSpec.patrolRover(AutopilotFlavour.ARDUPILOT_LEGACY), FRAME, 0, 0, 10,
                40, 2);
        Dock kiosk = new Dock(Dock.Kind.CHARGER, 0, 1, ChargingCurve.standard(), 90);
        kiosk.step(robot, false, 60);
        assertThat(kiosk.phase()).isEqualTo(Dock.Phase.CHARGING);
        assertThat(robot.batteryPercent()).isGreaterThan(40);
        kiosk.requestSwap();
        assertThat(kiosk.step(robot, false, 90)).as("a swap by hand at the kiosk").isTrue();
        assertThat(robot.batteryPercent()).isEqualTo(100);
    }
}
