package org.skyfleet.simulator.world.people;

import java.util.Random;

/**
 * A missing person with dementia: walks slowly with a heading that drifts at random, stops for a while
 * (exponentially distributed bouts of walking and resting), and turns back towards the start point once
 * further than {@code rangeM} from it, as lost-person statistics for dementia describe.
 */
public final class Wanderer implements MovementModel {
    private final double speedMps;
    private final double rangeM;
    private final double meanWalkS;
    private final double meanRestS;
    private boolean walking = true;
    private double boutLeftS = -1;
    private double headingRad = Double.NaN;

    public Wanderer(double speedMps, double rangeM, double meanWalkS, double meanRestS) {
        this.speedMps = speedMps;
        this.rangeM = rangeM;
        this.meanWalkS = meanWalkS;
        this.meanRestS = meanRestS;
    }

    @Override
    public void step(Target t, double dtS, Random random) {
        if (Double.isNaN(headingRad)) {
            headingRad = random.nextDouble() * 2 * Math.PI;
        }
        if (boutLeftS < 0) {
            boutLeftS = -Math.log(1 - random.nextDouble()) * (walking ? meanWalkS : meanRestS);
        }
        boutLeftS -= dtS;
        if (boutLeftS <= 0) {
            walking = !walking;
            boutLeftS = -1;
        }
        if (!walking) {
            return;
        }
        headingRad += Math.toRadians(20) * Math.sqrt(dtS) * random.nextGaussian();
        double fromStartE = t.eastM - t.startEastM;
        double fromStartN = t.northM - t.startNorthM;
        if (Math.hypot(fromStartE, fromStartN) > rangeM) {
            headingRad = Math.atan2(-fromStartE, -fromStartN);
        }
        t.eastM += speedMps * Math.sin(headingRad) * dtS;
        t.northM += speedMps * Math.cos(headingRad) * dtS;
    }
}
