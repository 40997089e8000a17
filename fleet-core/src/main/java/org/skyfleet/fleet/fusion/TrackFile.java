package org.skyfleet.fleet.fusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Optional;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/** The mutable state of one track inside a {@link Tracker}: filter, evidence and bookkeeping. */
final class TrackFile {
    /** Bounds memory for tracks that live for hours; older ids are forgotten first. */
    static final int MAX_SIGHTING_IDS = 1_000;

    private final String id;
    private final TrackFilter filter;
    private final TrackEvidence evidence;
    private final Deque<String> sightingIds = new ArrayDeque<>();
    private TargetClass targetClass;
    private TrackState state = TrackState.TENTATIVE;
    private long firstUpdateMs;
    private Optional<String> incidentId = Optional.empty();
    /**
     * When the tracker last received a sighting of it, on the caller's clock (epoch ms), or Long.MIN_VALUE when the
     * caller gave no receive time. A source that reports late keeps its track alive as long as its reports keep
     * coming, though their own times are older than the staleness timeout.
     */
    private long heardMs = Long.MIN_VALUE;

    private TrackFile(String id, Sighting first, TrackFilter filter) {
        this.id = id;
        this.filter = filter;
        this.evidence = new TrackEvidence();
        this.targetClass = first.targetClass();
        this.firstUpdateMs = first.timeMs();
    }

    private TrackFile(Track saved, TrackFilter filter, TrackEvidence evidence) {
        this.id = saved.id();
        this.filter = filter;
        this.evidence = evidence;
        this.targetClass = saved.targetClass();
        this.state = saved.state();
        this.firstUpdateMs = saved.firstUpdateMs();
        this.incidentId = saved.incidentId();
        saved.sightingIds().forEach(sightingIds::addLast);
    }

    /**
     * A track continued from its saved snapshot in {@code frame}. The snapshot holds the position
     * covariance only; the velocity's is reset to the class's initial uncertainty, which errs wide.
     */
    static TrackFile resume(Track saved, LocalFrame frame) {
        Coordinate at = frame.toLocal(new GeoPoint(saved.latDeg(), saved.lonDeg()));
        RealVector x = new ArrayRealVector(
                new double[] {at.x, at.y, saved.velocityEastMps(), saved.velocityNorthMps()});
        PositionCovariance c = saved.positionCovariance();
        double speedVar = Math.pow(ConstantVelocityModel.forClass(saved.targetClass()).initialSpeedSigmaMps(), 2);
        RealMatrix p = MatrixUtils.createRealMatrix(new double[][] {
            {c.eastVarM2(), c.eastNorthCovM2(), 0, 0},
            {c.eastNorthCovM2(), c.northVarM2(), 0, 0},
            {0, 0, speedVar, 0},
            {0, 0, 0, speedVar}});
        return new TrackFile(saved, TrackFilter.resume(x, p, saved.lastUpdateMs()),
                TrackEvidence.resume(saved.confidence(), saved.lastUpdateMs(), saved.state() == TrackState.CONFIRMED));
    }

    /** A tentative track from one sighting at local position z with covariance r. */
    static TrackFile start(String id, Sighting s, RealVector z, RealMatrix r, TrackerConfig config) {
        ConstantVelocityModel model = ConstantVelocityModel.forClass(s.targetClass());
        TrackFile t = new TrackFile(id, s, TrackFilter.start(z, r, model.initialSpeedSigmaMps(), s.timeMs()));
        t.record(s, config);
        return t;
    }

    TrackFilter.Innovation innovate(Sighting s, RealVector z, RealMatrix r) {
        return filter.innovate(z, r, s.timeMs(), ConstantVelocityModel.forClass(targetClass));
    }

    /** Fuses a sighting whose innovation was computed on the current state; true if it confirmed the track. */
    boolean update(Sighting s, TrackFilter.Innovation innovation, TrackerConfig config) {
        filter.update(innovation);
        if (targetClass == TargetClass.OTHER) {
            targetClass = s.targetClass();
        }
        firstUpdateMs = Math.min(firstUpdateMs, s.timeMs());
        boolean enough = record(s, config);
        if (enough && state == TrackState.TENTATIVE) {
            state = TrackState.CONFIRMED;
            return true;
        }
        return false;
    }

    private boolean record(Sighting s, TrackerConfig config) {
        sightingIds.addLast(s.id());
        if (sightingIds.size() > MAX_SIGHTING_IDS) {
            sightingIds.removeFirst();
        }
        if (s.incidentId().isPresent()) {
            incidentId = s.incidentId();
        }
        return evidence.hit(s, config);
    }

    /**
     * The other track's position taken as one measurement of this track at the other's time (its position covariance as
     * R), without changing this one: its d² is the duplicate test, and it is what {@link #absorb} fuses. The two
     * estimates' cross-correlation (a sighting may be in both) is ignored, which errs towards calling them the same.
     */
    TrackFilter.Innovation innovateWith(TrackFile other) {
        RealVector xo = other.filter.state();
        RealVector z = new ArrayRealVector(new double[] {xo.getEntry(0), xo.getEntry(1)});
        RealMatrix r = other.filter.covariance().getSubMatrix(0, 1, 0, 1);
        return filter.innovate(z, r, other.filter.timeMs(), ConstantVelocityModel.forClass(targetClass));
    }

    /**
     * Takes in a duplicate of this track (see {@link #innovateWith}): its position as a measurement, its sightings, its
     * evidence and its confirmation. Returns true if that confirmed this track.
     */
    boolean absorb(TrackFile other, TrackFilter.Innovation innovation) {
        filter.update(innovation);
        if (targetClass == TargetClass.OTHER) {
            targetClass = other.targetClass;
        }
        firstUpdateMs = Math.min(firstUpdateMs, other.firstUpdateMs);
        heardMs = Math.max(heardMs, other.heardMs);
        for (String id : other.sightingIds) {
            if (!sightingIds.contains(id)) {
                sightingIds.addLast(id);
            }
        }
        while (sightingIds.size() > MAX_SIGHTING_IDS) {
            sightingIds.removeFirst();
        }
        if (incidentId.isEmpty()) {
            incidentId = other.incidentId;
        }
        evidence.absorb(other.evidence);
        if (state == TrackState.TENTATIVE && other.state == TrackState.CONFIRMED) {
            state = TrackState.CONFIRMED;
            return true;
        }
        return false;
    }

    TrackState state() {
        return state;
    }

    /** Time of the newest sighting fused, epoch ms. */
    long timeMs() {
        return filter.timeMs();
    }

    /** Whether the track has had no update for longer than its state allows at {@code nowMs}. */
    boolean staleAt(long nowMs, TrackerConfig config) {
        long timeoutMs = state == TrackState.CONFIRMED ? config.confirmedTimeoutMs() : config.tentativeTimeoutMs();
        return nowMs - Math.max(filter.timeMs(), heardMs) > timeoutMs;
    }

    /** Notes that a sighting of it was received at {@code receivedAtMs} (epoch ms on the caller's clock). */
    void heard(long receivedAtMs) {
        heardMs = Math.max(heardMs, receivedAtMs);
    }

    String id() {
        return id;
    }

    TargetClass targetClass() {
        return targetClass;
    }

    Track snapshot(LocalFrame frame, TrackState shownState) {
        RealVector x = filter.state();
        RealMatrix p = filter.covariance();
        GeoPoint g = frame.toGeo(x.getEntry(0), x.getEntry(1));
        PositionCovariance cov = new PositionCovariance(p.getEntry(0, 0), p.getEntry(0, 1), p.getEntry(1, 1));
        return new Track(id, shownState, targetClass, g.latDeg(), g.lonDeg(), x.getEntry(2), x.getEntry(3), cov,
                cov.ellipse95(), new ArrayList<>(sightingIds), firstUpdateMs, filter.timeMs(), evidence.existence(),
                incidentId);
    }

    Track snapshot(LocalFrame frame) {
        return snapshot(frame, state);
    }

    /** The full 4x4 state covariance, for tests of the filter's health. */
    RealMatrix stateCovariance() {
        return filter.covariance();
    }
}
