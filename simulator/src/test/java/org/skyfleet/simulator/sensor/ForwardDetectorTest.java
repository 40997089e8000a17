package org.skyfleet.simulator.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.world.people.MovementModel;
import org.skyfleet.simulator.world.people.Target;

/** A ground robot's level camera: the sector ahead just inside and just outside its limits. */
class ForwardDetectorTest {
    private static Target at(String id, double eastM, double northM) {
        return new Target(id, eastM, northM, MovementModel.stationary(), 1);
    }

    @Test
    void seesAPersonAheadWithinRangeAndFieldOfViewOnlyNeverBehindOrBeyond() {
        double half = CameraPreset.THERMAL.hfovDeg() / 2;
        double in = Math.toRadians(half - 1);
        double out = Math.toRadians(half + 1);
        List<Target> targets = List.of(
                at("ahead", 0, 15),
                at("edge-in", 20 * Math.sin(in), 20 * Math.cos(in)),
                at("edge-out", 20 * Math.sin(out), 20 * Math.cos(out)),
                at("range-in", 0, ForwardDetector.MAX_RANGE_M - 0.5),
                at("range-out", 0, ForwardDetector.MAX_RANGE_M + 0.5),
                at("behind", 0, -10));
        ForwardDetector camera = new ForwardDetector(CameraPreset.THERMAL, 0, new Random(21));
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int look = 0; look < 500; look++) {
            for (NadirDetector.Detection d : camera.look(0, 0, 0, targets, 0, false)) {
                seen.merge(d.truthId(), 1, Integer::sum);
            }
        }
        assertThat(seen).containsOnlyKeys("ahead", "edge-in", "range-in");
        assertThat(seen.get("ahead") / 500.0).isCloseTo(CameraPreset.THERMAL.detectionProbability(15, 0, false),
                org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void turnsWithTheHeadingAndReportsNearWhereThePersonIs() {
        List<Target> east = List.of(at("east", 12, 0));
        ForwardDetector camera = new ForwardDetector(CameraPreset.VISUAL, 0, new Random(3));
        assertThat(camera.look(0, 0, 0, east, 0, false)).isEmpty();
        double errorSum = 0;
        int hits = 0;
        for (int look = 0; look < 200; look++) {
            for (NadirDetector.Detection d : camera.look(0, 0, 90, east, 0, false)) {
                errorSum += Math.hypot(d.eastM() - 12, d.northM());
                hits++;
                assertThat(d.sigmaM()).isCloseTo(1 + 0.02 * 12, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(hits).isGreaterThan(150);
        assertThat(errorSum / hits).as("mean error ~ sigma sqrt(pi/2)").isBetween(0.9, 1.9);
    }
}
