package org.skyfleet.fleet.fusion;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What speaks for a track being real: weighted hits in a sliding window (M-of-N confirmation) and an
 * existence probability kept as log-odds.
 *
 * <p>Hit weights: a drone or robot detection counts 1; an officer's sighting with confidence of at least
 * 0.9 counts 2 (an officer plus one corroborating detection confirm), otherwise 1; a citizen's report
 * counts 0.5 (citizens alone need six consistent reports). Confirmation needs the configured weight
 * within the window; gating already made the hits kinematically consistent.
 *
 * <p>Existence: log-odds L start at logit(0.1). Each hit adds {@code ln(1 + 9 c ρ)} for confidence c and
 * source reliability ρ (drone, robot 0.9; officer 1; citizen 0.5): a detection is always evidence for
 * the target, a confident one more so (at most a likelihood ratio of 10). Silence is evidence against:
 * L falls by {@value #MISS_LOG_ODDS_PER_MIN} per minute between hits, applied when the next hit comes.
 *
 * <p>Persistence: a camera that sees a real person sees them again a second or two later, while a
 * detector's false alarms come singly, scattered over the footprint. A track made only of camera hits
 * (drones, robots) is therefore confirmed only once {@value #CAMERA_BURST_HITS} of them came from the same camera
 * within {@value #CAMERA_BURST_MS} ms (one pass over the target: a search camera at 8 m/s has it in view for five
 * to seven looks; a camera holding over it sees it every few seconds); a person's report (officer, citizen) needs
 * no such burst. Two hits were not enough: a camera's second false alarm within seconds, inside the young track's
 * gate, happened often enough over an hour of four drones, and hits from any drone in the next minutes then
 * confirmed it (the search benchmark: 0.19 false confirmed tracks per flight-hour with two, 0.02 with three; found
 * within 60 min unchanged by day, 2 of 50 fewer at night and on roads, where a pass more often sees him only
 * twice). Two different
 * cameras do not make a burst: drones of one search take off from one pad and fly the same transits, so two
 * drones' single false alarms often fall close together within seconds.
 */
final class TrackEvidence {
    static final double MISS_LOG_ODDS_PER_MIN = 0.5;
    static final long CAMERA_BURST_MS = 20_000;
    static final int CAMERA_BURST_HITS = 3;
    private static final double PRIOR_LOG_ODDS = Math.log(0.1 / 0.9);
    private static final double MAX_LOG_ODDS = 8;
    private static final double MIN_LOG_ODDS = -8;

    private final Deque<Hit> hits = new ArrayDeque<>();
    private double logOdds = PRIOR_LOG_ODDS;
    private long lastHitMs = Long.MIN_VALUE;
    /** Seen twice in one look by cameras, or reported by a person. */
    private boolean persistent;

    /**
     * Evidence that continues from a saved track: its existence and last hit. The hits in the window are
     * not kept, so a tentative track needs its full count of hits again; a confirmed one stays confirmed.
     */
    static TrackEvidence resume(double existence, long lastHitMs, boolean persistent) {
        TrackEvidence e = new TrackEvidence();
        double p = Math.max(1e-6, Math.min(1 - 1e-6, existence));
        e.logOdds = Math.max(MIN_LOG_ODDS, Math.min(MAX_LOG_ODDS, Math.log(p / (1 - p))));
        e.lastHitMs = lastHitMs;
        e.persistent = persistent;
        return e;
    }

    /** Records a hit; returns whether the weight within the window now reaches {@code confirmHits}. */
    boolean hit(Sighting s, TrackerConfig config) {
        if (lastHitMs != Long.MIN_VALUE && s.timeMs() > lastHitMs) {
            logOdds -= MISS_LOG_ODDS_PER_MIN * (s.timeMs() - lastHitMs) / 60_000.0;
        }
        logOdds += Math.log(1 + 9 * s.confidence() * reliability(s.sourceKind()));
        logOdds = Math.max(MIN_LOG_ODDS, Math.min(MAX_LOG_ODDS, logOdds));
        lastHitMs = Math.max(lastHitMs, s.timeMs());
        boolean camera = s.sourceKind() == SourceKind.DRONE || s.sourceKind() == SourceKind.ROBOT;
        if (camera) {
            int inLook = 1;
            for (Hit h : hits) {
                if (h.camera() && h.source().equals(source(s)) && Math.abs(h.timeMs() - s.timeMs()) <= CAMERA_BURST_MS) {
                    inLook++;
                }
            }
            persistent |= inLook >= CAMERA_BURST_HITS;
        }
        if (!camera) {
            persistent = true;
        }
        hits.addLast(new Hit(s.timeMs(), weight(s), camera, source(s)));
        // Hits may arrive slightly out of order, so filter rather than pop from the front only.
        hits.removeIf(h -> h.timeMs() < lastHitMs - config.confirmWindowMs());
        double sum = 0;
        for (Hit h : hits) {
            sum += h.weight();
        }
        return sum >= config.confirmHits() - 1e-9 && persistent;
    }

    /** Takes in the evidence of a duplicate track: the stronger existence, every hit, the later last hit. */
    void absorb(TrackEvidence other) {
        logOdds = Math.max(logOdds, other.logOdds);
        lastHitMs = Math.max(lastHitMs, other.lastHitMs);
        persistent |= other.persistent;
        hits.addAll(other.hits);
    }

    /** Existence probability, 0..1. */
    double existence() {
        return 1 / (1 + Math.exp(-logOdds));
    }

    static double weight(Sighting s) {
        return switch (s.sourceKind()) {
            case DRONE, ROBOT -> 1.0;
            case OFFICER -> s.confidence() >= 0.9 ? 2.0 : 1.0;
            case CITIZEN -> 0.5;
        };
    }

    static double reliability(SourceKind kind) {
        return switch (kind) {
            case DRONE, ROBOT -> 0.9;
            case OFFICER -> 1.0;
            case CITIZEN -> 0.5;
        };
    }

    private static String source(Sighting s) {
        return s.sourceKind() + "/" + s.sourceId();
    }

    private record Hit(long timeMs, double weight, boolean camera, String source) {
    }
}
