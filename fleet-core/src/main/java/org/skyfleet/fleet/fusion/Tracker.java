package org.skyfleet.fleet.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * Fuses sightings into tracks: gate, associate by global nearest neighbour, filter, confirm, drop.
 *
 * <p>Steps for a batch of sightings:
 * <ol>
 *   <li>Sightings older than the newest seen by more than {@code maxLatenessMs} are dropped and counted
 *       ({@link #lateDroppedCount()}); the rest are sorted by time. A late sighting within the limit
 *       updates a track without moving it back in time (see {@link PositionMeasurement}).</li>
 *   <li>The batch is split into scans, one per source: a detector does not see one target twice in a
 *       frame, so within a scan association is one-to-one, while two drones seeing the same person update
 *       the same track one after the other. Scans are taken in order of their earliest sighting.</li>
 *   <li>For each scan, tracks stale at the scan's time are dropped, then every (sighting, track) pair of
 *       compatible classes is priced by the squared Mahalanobis distance d² of the innovation, pairs with
 *       d² above the gate are forbidden, and each sighting may instead start a new track at the price of
 *       the gate. {@link Hungarian} finds the cheapest assignment; a single sighting thus goes to the
 *       nearest gated track.</li>
 *   <li>Assigned sightings update their tracks (UPDATED, or CONFIRMED when the evidence suffices); the
 *       others start TENTATIVE tracks (CREATED).</li>
 *   <li>Duplicates are merged: one target can become two tracks when a sighting falls outside the gate of the track
 *       that was following it (the person turned while no camera saw them, and another drone saw them first). The
 *       piece left behind is no longer updated, so its uncertainty grows until the fresh piece lies within its gate;
 *       from then on they are one target, and each drone would otherwise confirm its own piece and get its own
 *       officer sent. After every scan, two live tracks of compatible classes are merged when one has been silent
 *       for {@value #MERGE_AFTER_SILENCE_MS} ms longer than the other and the fresh one's position passes the
 *       silent one's gate (d² of the fresh position as a measurement of the silent track, with both covariances).
 *       Two tracks both fed by sightings are two targets, however close: they are never merged. The confirmed one
 *       survives (the older if both or neither are), taking in the other's position, sightings and evidence; the
 *       other is reported DROPPED and the survivor UPDATED (CONFIRMED if the merge confirmed it).</li>
 * </ol>
 *
 * <p>Geometry is done in a local east/north tangent plane ({@link LocalFrame}) anchored at the configured
 * origin or at the first sighting; over 50 km from the origin its distance error stays below a metre,
 * far below sighting noise.
 *
 * <p>Thread safety: all public methods are synchronized; updates are returned in the order they happened.
 */
public final class Tracker {
    /**
     * A track this much longer without a sighting than another is a piece left behind, which may be merged into the
     * other: longer than a drone's revisit of a target in view (a few seconds) and than the camera burst that
     * confirms, so two targets seen on the same passes are never taken for one.
     */
    static final long MERGE_AFTER_SILENCE_MS = 30_000;
    /** Hits from one camera within {@link #CAMERA_BURST_MS} that a camera-only track needs to be confirmed. */
    public static final int CAMERA_BURST_HITS = TrackEvidence.CAMERA_BURST_HITS;
    /** The window of one camera's burst, milliseconds. */
    public static final long CAMERA_BURST_MS = TrackEvidence.CAMERA_BURST_MS;
    private final TrackerConfig config;
    private final Map<String, TrackFile> tracks = new LinkedHashMap<>();
    private LocalFrame frame;
    private long nextId = 1;
    private long newestMs = Long.MIN_VALUE;
    private long lateDropped;

    public Tracker(TrackerConfig config) {
        this.config = config;
        config.origin().ifPresent(o -> frame = new LocalFrame(o.validate("tracker origin")));
    }

    public Tracker() {
        this(TrackerConfig.defaults());
    }

    /**
     * Continues the given tracks after a restart (their saved snapshots), and numbers new tracks after
     * {@code highestTrackNumber} so that no id is used twice. Call before the first sighting.
     */
    public synchronized void resume(Collection<Track> saved, long highestTrackNumber) {
        for (Track t : saved) {
            if (t.state() == TrackState.DROPPED) {
                continue;
            }
            if (frame == null) {
                frame = new LocalFrame(new GeoPoint(t.latDeg(), t.lonDeg()));
            }
            tracks.put(t.id(), TrackFile.resume(t, frame));
            newestMs = Math.max(newestMs, t.lastUpdateMs());
        }
        nextId = Math.max(nextId, highestTrackNumber + 1);
    }

    /** Fuses one sighting. */
    public synchronized List<TrackUpdate> process(Sighting sighting) {
        return process(List.of(sighting));
    }

    /** Fuses one sighting received at {@code receivedAtMs} (see {@link #process(Collection, long)}). */
    public synchronized List<TrackUpdate> process(Sighting sighting, long receivedAtMs) {
        return process(List.of(sighting), receivedAtMs);
    }

    /** Fuses a batch of sightings that arrived together (same instant or window), see the class comment. */
    public synchronized List<TrackUpdate> process(Collection<Sighting> batch) {
        return process(batch, Long.MIN_VALUE);
    }

    /**
     * Fuses a batch received at {@code receivedAtMs}, epoch ms on the clock {@link #prune(long)} is called with. A
     * track is stale only when neither its newest sighting nor its last receipt is within the timeout: sightings that
     * arrive late (their times a minute behind the clock, from a delayed link or a report of what was seen a minute
     * ago) keep extending the track they belong to, instead of each finding it pruned and starting a fresh piece.
     */
    public synchronized List<TrackUpdate> process(Collection<Sighting> batch, long receivedAtMs) {
        List<TrackUpdate> out = new ArrayList<>();
        List<Sighting> accepted = new ArrayList<>();
        for (Sighting s : batch) {
            if (newestMs != Long.MIN_VALUE && s.timeMs() < newestMs - config.maxLatenessMs()) {
                lateDropped++;
            } else {
                accepted.add(s);
            }
        }
        if (accepted.isEmpty()) {
            return out;
        }
        accepted.sort(Comparator.comparingLong(Sighting::timeMs));
        if (frame == null) {
            frame = new LocalFrame(new GeoPoint(accepted.get(0).latDeg(), accepted.get(0).lonDeg()));
        }
        Map<String, List<Sighting>> scans = new LinkedHashMap<>();
        for (Sighting s : accepted) {
            scans.computeIfAbsent(s.sourceKind() + "/" + s.sourceId(), k -> new ArrayList<>()).add(s);
        }
        for (List<Sighting> scan : scans.values()) {
            out.addAll(prune(scan.get(0).timeMs()));
            associate(scan, out, receivedAtMs);
            mergeDuplicates(out);
            newestMs = Math.max(newestMs, scan.get(scan.size() - 1).timeMs());
        }
        return out;
    }

    /** Drops the tracks that are stale at {@code nowMs}, epoch ms, and reports them. */
    public synchronized List<TrackUpdate> prune(long nowMs) {
        List<TrackUpdate> out = new ArrayList<>();
        for (Iterator<TrackFile> it = tracks.values().iterator(); it.hasNext();) {
            TrackFile t = it.next();
            if (t.staleAt(nowMs, config)) {
                it.remove();
                out.add(new TrackUpdate(TrackUpdate.Kind.DROPPED, t.snapshot(frame, TrackState.DROPPED)));
            }
        }
        return out;
    }

    /** All live tracks, oldest first. */
    public synchronized List<Track> tracks() {
        List<Track> out = new ArrayList<>(tracks.size());
        tracks.values().forEach(t -> out.add(t.snapshot(frame)));
        return out;
    }

    public synchronized Optional<Track> track(String id) {
        return Optional.ofNullable(tracks.get(id)).map(t -> t.snapshot(frame));
    }

    /** How many sightings were dropped for arriving later than {@code maxLatenessMs}. */
    public synchronized long lateDroppedCount() {
        return lateDropped;
    }

    /** The full state covariance of a live track, m², m²/s, m²/s²; for checks of the filter. */
    synchronized Optional<RealMatrix> stateCovariance(String id) {
        return Optional.ofNullable(tracks.get(id)).map(TrackFile::stateCovariance);
    }

    private void associate(List<Sighting> scan, List<TrackUpdate> out, long receivedAtMs) {
        List<TrackFile> live = new ArrayList<>(tracks.values());
        int nS = scan.size();
        int nT = live.size();
        RealVector[] z = new RealVector[nS];
        RealMatrix[] r = new RealMatrix[nS];
        TrackFilter.Innovation[][] innovations = new TrackFilter.Innovation[nS][nT];
        // Columns 0..nT-1 are tracks; column nT+i is "sighting i starts a new track".
        double[][] cost = new double[nS][nT + nS];
        for (int i = 0; i < nS; i++) {
            Sighting s = scan.get(i);
            Coordinate c = frame.toLocal(new GeoPoint(s.latDeg(), s.lonDeg()));
            z[i] = new ArrayRealVector(new double[] {c.x, c.y});
            r[i] = measurementCovariance(s.uncertainty());
            Arrays.fill(cost[i], Double.POSITIVE_INFINITY);
            cost[i][nT + i] = config.gateChiSquare();
            for (int j = 0; j < nT; j++) {
                TrackFile t = live.get(j);
                if (!t.targetClass().compatibleWith(s.targetClass())) {
                    continue;
                }
                TrackFilter.Innovation in = t.innovate(s, z[i], r[i]);
                if (in.d2() <= config.gateChiSquare()) {
                    cost[i][j] = in.d2();
                    innovations[i][j] = in;
                }
            }
        }
        int[] assignment = Hungarian.solve(cost);
        for (int i = 0; i < nS; i++) {
            Sighting s = scan.get(i);
            int j = assignment[i];
            if (j >= 0 && j < nT) {
                TrackFile t = live.get(j);
                boolean confirmed = t.update(s, innovations[i][j], config);
                t.heard(receivedAtMs);
                out.add(new TrackUpdate(confirmed ? TrackUpdate.Kind.CONFIRMED : TrackUpdate.Kind.UPDATED,
                        t.snapshot(frame)));
            } else {
                TrackFile t = TrackFile.start("trk-" + nextId++, s, z[i], r[i], config);
                t.heard(receivedAtMs);
                tracks.put(t.id(), t);
                out.add(new TrackUpdate(TrackUpdate.Kind.CREATED, t.snapshot(frame)));
            }
        }
    }

    /** Merges live tracks that are one target (see the class comment, last step), until no two are. */
    private void mergeDuplicates(List<TrackUpdate> out) {
        boolean merged = true;
        while (merged) {
            merged = false;
            List<TrackFile> live = new ArrayList<>(tracks.values());
            search:
            for (int i = 0; i < live.size(); i++) {
                for (int j = i + 1; j < live.size(); j++) {
                    TrackFile older = live.get(i);
                    TrackFile newer = live.get(j);
                    if (!older.targetClass().compatibleWith(newer.targetClass())
                            || Math.abs(older.timeMs() - newer.timeMs()) < MERGE_AFTER_SILENCE_MS) {
                        continue;
                    }
                    TrackFile silent = older.timeMs() < newer.timeMs() ? older : newer;
                    TrackFile fresh = silent == older ? newer : older;
                    if (silent.innovateWith(fresh).d2() > config.gateChiSquare()) {
                        continue;
                    }
                    boolean newerSurvives = newer.state() == TrackState.CONFIRMED && older.state() != TrackState.CONFIRMED;
                    TrackFile keep = newerSurvives ? newer : older;
                    TrackFile gone = newerSurvives ? older : newer;
                    TrackFilter.Innovation in = keep.innovateWith(gone);
                    boolean confirmed = keep.absorb(gone, in);
                    tracks.remove(gone.id());
                    out.add(new TrackUpdate(TrackUpdate.Kind.DROPPED, gone.snapshot(frame, TrackState.DROPPED)));
                    out.add(new TrackUpdate(confirmed ? TrackUpdate.Kind.CONFIRMED : TrackUpdate.Kind.UPDATED, keep.snapshot(frame)));
                    merged = true;
                    break search;
                }
            }
        }
    }

    private static RealMatrix measurementCovariance(HorizontalUncertainty u) {
        return MatrixUtils.createRealMatrix(new double[][] {
            {u.eastVarM2(), u.eastNorthCovM2()},
            {u.eastNorthCovM2(), u.northVarM2()}});
    }
}
