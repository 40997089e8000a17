package org.skyfleet.fleet.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.skyfleet.fleet.store.PositionSample;

/**
 * Thins one track to at most a budget of points with the time-synchronised Douglas-Peucker algorithm: a
 * dropped sample's error is its distance to where the thinned track, interpolated linearly in time, puts
 * the vehicle at that sample's time (the synchronised Euclidean distance). That is the error a replay
 * shows, since a replay interpolates between the points it has at the time it draws.
 *
 * <p>Steps: start from the first and last sample; repeatedly split the segment whose worst sample is
 * furthest off at that sample, worst segment first, until every sample is within the tolerance or the
 * budget is spent. The first and last samples are always kept. Distances are horizontal, in metres, in an
 * equirectangular frame around the first sample (under 0.1 % off within tens of kilometres); altitude is
 * carried, not measured.
 *
 * <p>Degenerate cases: fewer than three samples come back as they are; samples at the same time measure
 * against the segment's start.
 */
public final class TrackDecimator {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /**
     * A thinned track.
     *
     * @param points    a subsequence of the input, first and last included
     * @param maxErrorM the largest synchronised distance of any dropped sample, metres; 0 when none dropped
     */
    public record Decimated(List<PositionSample> points, double maxErrorM) {
        public Decimated {
            points = List.copyOf(points);
        }
    }

    private TrackDecimator() {
    }

    /**
     * @param samples    one vehicle's samples, oldest first (times non-decreasing)
     * @param toleranceM error under which a segment is not split further, >= 0
     * @param maxPoints  the most points returned, >= 2
     * @throws IllegalArgumentException for a budget under 2, a negative tolerance or samples out of time order
     */
    public static Decimated decimate(List<PositionSample> samples, double toleranceM, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("point budget must be >= 2, got " + maxPoints);
        }
        if (!(toleranceM >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0 m, got " + toleranceM);
        }
        int n = samples.size();
        for (int i = 1; i < n; i++) {
            if (samples.get(i).time().isBefore(samples.get(i - 1).time())) {
                throw new IllegalArgumentException("samples out of time order at index " + i);
            }
        }
        if (n < 3) {
            return new Decimated(samples, 0);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] t = new double[n];
        project(samples, x, y, t);
        boolean[] kept = new boolean[n];
        kept[0] = true;
        kept[n - 1] = true;
        int count = 2;
        PriorityQueue<Segment> worstFirst = new PriorityQueue<>((a, b) -> Double.compare(b.errorM, a.errorM));
        worstFirst.add(Segment.measure(0, n - 1, x, y, t));
        while (count < maxPoints && !worstFirst.isEmpty() && worstFirst.peek().errorM > toleranceM) {
            Segment s = worstFirst.poll();
            kept[s.worst] = true;
            count++;
            worstFirst.add(Segment.measure(s.from, s.worst, x, y, t));
            worstFirst.add(Segment.measure(s.worst, s.to, x, y, t));
        }
        List<PositionSample> out = new ArrayList<>(count);
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                out.add(samples.get(i));
            }
        }
        return new Decimated(out, worstFirst.isEmpty() ? 0 : Math.max(0, worstFirst.peek().errorM));
    }

    /**
     * The synchronised distance of sample {@code k} from the straight, constant-speed leg from {@code a} to {@code b},
     * metres; for checking a thinned track.
     */
    public static double synchronisedDistanceM(PositionSample a, PositionSample b, PositionSample k) {
        List<PositionSample> three = List.of(a, b, k);
        double[] x = new double[3];
        double[] y = new double[3];
        double[] t = new double[3];
        project(three, x, y, t);
        return sed(x, y, t, 0, 1, 2);
    }

    private static void project(List<PositionSample> samples, double[] x, double[] y, double[] t) {
        PositionSample origin = samples.get(0);
        double metresPerDegLat = Math.toRadians(EARTH_RADIUS_M);
        double metresPerDegLon = metresPerDegLat * Math.cos(Math.toRadians(origin.latDeg()));
        long t0 = origin.time().toEpochMilli();
        for (int i = 0; i < samples.size(); i++) {
            PositionSample s = samples.get(i);
            x[i] = (s.lonDeg() - origin.lonDeg()) * metresPerDegLon;
            y[i] = (s.latDeg() - origin.latDeg()) * metresPerDegLat;
            t[i] = s.time().toEpochMilli() - t0 + (s.time().getNano() % 1_000_000) / 1e6;
        }
    }

    /** Distance of k from where the leg a..b is at k's time (the leg's start when a and b share a time). */
    private static double sed(double[] x, double[] y, double[] t, int a, int b, int k) {
        double span = t[b] - t[a];
        double f = span > 0 ? (t[k] - t[a]) / span : 0;
        double px = x[a] + f * (x[b] - x[a]);
        double py = y[a] + f * (y[b] - y[a]);
        return Math.hypot(x[k] - px, y[k] - py);
    }

    /** A leg between two kept samples and its worst sample in between (-1 and 0 m when none). */
    private record Segment(int from, int to, int worst, double errorM) {
        static Segment measure(int from, int to, double[] x, double[] y, double[] t) {
            int worst = -1;
            double max = -1;
            for (int k = from + 1; k < to; k++) {
                double d = sed(x, y, t, from, to, k);
                if (d > max) {
                    max = d;
                    worst = k;
                }
            }
            return new Segment(from, to, worst, worst < 0 ? -1 : max);
        }
    }
}
