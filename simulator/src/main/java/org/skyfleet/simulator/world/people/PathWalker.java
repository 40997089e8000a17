package org.skyfleet.simulator.world.people;

import java.util.List;
import java.util.Random;

/** Someone walking a path of points ({east, north} metres) at a steady speed, stopping at its end. */
public final class PathWalker implements MovementModel {
    private final List<double[]> pointsEastNorthM;
    private final double speedMps;
    private int next = 0;

    public PathWalker(List<double[]> pointsEastNorthM, double speedMps) {
        if (pointsEastNorthM.isEmpty() || !(speedMps > 0)) {
            throw new IllegalArgumentException("a walked path needs points and a speed > 0 m/s");
        }
        this.pointsEastNorthM = List.copyOf(pointsEastNorthM);
        this.speedMps = speedMps;
    }

    @Override
    public void step(Target t, double dtS, Random random) {
        double left = speedMps * dtS;
        while (left > 0 && next < pointsEastNorthM.size()) {
            double[] p = pointsEastNorthM.get(next);
            double d = Math.hypot(p[0] - t.eastM, p[1] - t.northM);
            if (d <= left) {
                t.eastM = p[0];
                t.northM = p[1];
                left -= d;
                next++;
            } else {
                t.eastM += (p[0] - t.eastM) / d * left;
                t.northM += (p[1] - t.northM) / d * left;
                left = 0;
            }
        }
    }
}
