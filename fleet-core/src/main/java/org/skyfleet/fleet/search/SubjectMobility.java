package org.skyfleet.fleet.search;

/**
 * How a missing subject keeps moving while the search goes on, as a random walk: he walks a share of the time
 * at a walking speed, keeping a heading for a persistence time before turning at random. Over times longer
 * than the persistence, such a walk spreads like diffusion with D = movingShare · speed² · persistence / 4
 * (a 2-D walk of steps ℓ = speed · persistence every persistence seconds has mean squared displacement
 * ℓ² per step = 4 D t). {@link ProbabilityMap#diffused} uses D.
 *
 * @param speedMps walking speed while moving, metres per second, ≥ 0
 * @param movingShare share of the time spent walking, 0..1
 * @param persistenceS how long a heading is kept, seconds, ≥ 0
 * @param source where the figures come from ("engineering assumption" when no study is behind them)
 */
public record SubjectMobility(double speedMps, double movingShare, double persistenceS, String source) {

    public SubjectMobility {
        if (!(speedMps >= 0) || !(movingShare >= 0 && movingShare <= 1) || !(persistenceS >= 0)
                || !Double.isFinite(speedMps) || !Double.isFinite(persistenceS)) {
            throw new IllegalArgumentException("mobility needs speed ≥ 0, moving share 0..1 and persistence ≥ 0, got "
                    + speedMps + " m/s, " + movingShare + ", " + persistenceS + " s");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("mobility figures must say where they come from");
        }
    }

    /** A subject who does not move (the map never diffuses). */
    public static final SubjectMobility STATIONARY = new SubjectMobility(0, 0, 0, "stationary");

    /**
     * The default for a category. No published walking speed for lost subjects was verified (Koester 2008
     * gives distances and times to find, not speeds), so these are engineering assumptions: a subject with
     * dementia walks slowly (0.45 m/s, about a third of an older adult's usual 1.2 m/s gait, for a wandering
     * walk that stops and starts), walking 300 s then resting 180 s (share 0.625) and keeping a heading for a
     * walk of 300 s; other categories the same until figures are found. They are also what the simulator's
     * scenario {@code missing-person-forested-hill.json} and the search benchmark's subject use, so the map
     * and the benchmark's truth share the assumption.
     */
    public static SubjectMobility of(SubjectCategory category) {
        return new SubjectMobility(0.45, 0.625, 300,
                "engineering assumption (unverified): 0.45 m/s, walks 300 s / rests 180 s, for " + category);
    }

    /** D, square metres per second. */
    public double diffusivityM2PerS() {
        return movingShare * speedMps * speedMps * persistenceS / 4;
    }
}
