package org.skyfleet.fleet.replay;

import java.util.List;

/**
 * Shares one replay's point budget among its tracks in proportion to how many samples each has, so a drone
 * that flew all day gets more points than an officer who reported twice. Every track gets at least two
 * points (its ends), and never more than it has samples.
 */
public final class PointBudget {
    private PointBudget() {
    }

    /**
     * @param totalPoints the most points for all tracks together; respected whenever it is at least two per track
     * @param sampleCounts each track's sample count, >= 0
     * @return each track's budget, >= 2, in the order given
     */
    public static int[] share(int totalPoints, List<Integer> sampleCounts) {
        int[] out = new int[sampleCounts.size()];
        long samples = 0;
        for (int c : sampleCounts) {
            samples += c;
        }
        int spare = totalPoints - 2 * out.length; // what is left once every track has its ends
        for (int i = 0; i < out.length; i++) {
            int extra = samples == 0 || spare <= 0 ? 0 : (int) (spare * (long) Math.max(0, sampleCounts.get(i) - 2) / Math.max(1, samples));
            out[i] = Math.max(2, Math.min(sampleCounts.get(i), 2 + extra));
        }
        return out;
    }
}
