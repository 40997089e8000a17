package org.skyfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.sensor.NadirDetector;

/** The benchmark drone's second look: to the spot, the hold, and back to the leg it left, as the live drone flies it. */
class BenchDroneLookTest {
    private static final double[] HOME = {0, 0};

    private BenchDrone drone(double budgetS) {
        return new BenchDrone("drone-1", new NadirDetector(CameraPreset.THERMAL, 0, new Random(1)), HOME, 8, 3, 60, budgetS);
    }

    @Test
    void itFliesToTheSpotHoldsThereThenGoesOnToTheLegItLeft() {
        BenchDrone d = drone(2000);
        d.launch(List.of(new double[] {0, 800}));
        int t = 0;
        while (d.northM < 200) {
            d.step(++t);
        }
        double[] spot = {40, 150};
        assertThat(d.look(spot, 25, 200)).isTrue();
        int heldS = 0;
        while (d.phase == BenchDrone.Phase.LOOK) {
            d.step(++t);
            if (d.eastM == spot[0] && d.northM == spot[1]) {
                heldS++;
            }
            assertThat(t).isLessThan(200);
        }
        assertThat(heldS).as("seconds over the spot").isBetween(25, 26);
        double farthestNorthM = d.northM;
        for (int i = 0; i < 90; i++) { // 720 m: on to the end of the leg it left (650 m), not home
            d.step(++t);
            farthestNorthM = Math.max(farthestNorthM, d.northM);
        }
        assertThat(farthestNorthM).isGreaterThan(792);
    }

    @Test
    void noLookOnTheWayHomeOrTooFarOrBeforeTheRoute() {
        BenchDrone d = drone(2000);
        d.launch(List.of(new double[] {0, 800}));
        assertThat(d.look(new double[] {0, 0}, 25, 200)).as("climbing").isFalse();
        int t = 0;
        while (d.phase != BenchDrone.Phase.ROUTE) {
            d.step(++t);
        }
        assertThat(d.look(new double[] {0, 500}, 25, 200)).as("500 m away").isFalse();
        while (d.northM < 800) {
            d.step(++t);
        }
        d.step(++t);
        assertThat(d.look(new double[] {0, 780}, 25, 200)).as("homeward").isFalse();
    }

    @Test
    void theBatteryEndsALook() {
        BenchDrone d = drone(300);
        d.launch(List.of(new double[] {0, 800}));
        int t = 0;
        while (d.northM < 400) {
            d.step(++t);
        }
        assertThat(d.look(new double[] {0, 390}, 600, 200)).isTrue();
        while (d.airborne()) {
            d.step(++t);
            assertThat(t).isLessThan(400);
        }
        assertThat(d.unflown).as("the legs left when the battery sent it home").isNotEmpty();
    }
}
