package org.skyfleet.simulator.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.VehicleSpec;
import org.skyfleet.simulator.world.people.MovementModel;
import org.skyfleet.simulator.world.people.Target;

/** Detection probability against range, light and canopy; false positives; reported positions. */
class CameraTest {

    @Test
    void probabilityFallsWithRangeAndDependsOnTheSensor() {
        for (CameraPreset p : CameraPreset.values()) {
            double previous = 1;
            for (double r = 10; r <= 400; r += 10) {
                double now = p.detectionProbability(r, 0, false);
                assertThat(now).as(p + " at " + r + " m").isLessThan(previous).isBetween(0.0, 1.0);
                previous = now;
            }
        }
        assertThat(CameraPreset.THERMAL.detectionProbability(60, 0, true))
                .isEqualTo(CameraPreset.THERMAL.detectionProbability(60, 0, false));
        assertThat(CameraPreset.VISUAL.detectionProbability(60, 0, true))
                .isLessThan(0.1 * CameraPreset.VISUAL.detectionProbability(60, 0, false));
        assertThat(CameraPreset.VISUAL.detectionProbability(60, 0, false))
                .isGreaterThan(CameraPreset.THERMAL.detectionProbability(60, 0, false));
        assertThat(CameraPreset.THERMAL.detectionProbability(60, 0.8, false))
                .as("thermal sees better under canopy").isGreaterThan(CameraPreset.VISUAL.detectionProbability(60, 0.8, false));
    }

    @Test
    void aPersonBelowIsReportedNearWhereTheyAreAndFalsePositivesComeAtTheirRate() {
        SimVehicle drone = new SimVehicle("drone-1", 1, VehicleSpec.px4Quadrotor(), TestScenarios.FRAME, 0, 0, 30, 100, 1);
        drone.placeAt(0, 0, 40);
        Target below = new Target("below", 5, 5, MovementModel.stationary(), 1);
        Target outside = new Target("outside", 400, 0, MovementModel.stationary(), 1);
        Camera camera = new Camera(drone, CameraPreset.THERMAL, 6, 9);
        SimClock clock = new SimClock(0);
        List<SightingReport> reports = new ArrayList<>();
        int looks = 2000;
        for (int i = 0; i < looks * 100; i++) {
            camera.look(clock, List.of(below, outside), 0, true, reports::add);
            clock.step();
        }
        List<SightingReport> hits = reports.stream().filter(r -> "below".equals(r.truthTargetId())).toList();
        double p = CameraPreset.THERMAL.detectionProbability(Math.sqrt(25 + 25 + 1600), 0, true);
        assertThat(hits.size() / (double) looks).isCloseTo(p, org.assertj.core.data.Offset.offset(0.04));
        assertThat(reports).noneMatch(r -> "outside".equals(r.truthTargetId()));
        double meanErrorM = hits.stream().mapToDouble(r -> Math.hypot(TestScenarios.FRAME.eastM(r.lonDeg()) - 5,
                TestScenarios.FRAME.northM(r.latDeg()) - 5)).average().orElseThrow();
        assertThat(meanErrorM).as("mean error ~ sigma sqrt(pi/2)").isBetween(1.5, 3.5);
        long falsePositives = reports.stream().filter(r -> r.truthTargetId() == null).count();
        assertThat(falsePositives).as("6 per minute over " + looks + " s").isBetween(160L, 240L);
    }
}
