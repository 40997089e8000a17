package org.skyfleet.video.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.evidence.EvidenceSegment;
import org.skyfleet.fleet.evidence.EvidenceStore;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.video.VideoStreams;
import org.skyfleet.video.relay.StreamRelay;
import org.skyfleet.video.stream.VehicleStream;

/**
 * Records the feeds of every open incident's drones as evidence. Once a second it compares what should be
 * recorded (each open incident's drones that have a stream) with what is: it taps a stream's relay with an
 * {@link FfmpegSegmenter} when a drone joins an open incident and finishes it when the incident closes, the drone
 * leaves it or the stream restarts (then a new run starts). Each closed segment is hashed (SHA-256), journaled
 * by "system" as {@code evidence segment recorded} with the incident, file, hash and times, and its record, with
 * the journal entry's sequence and hash, stored. Once a minute segments older than the retention are deleted,
 * journaled as {@code evidence segment expired} (first a minute after start). All of this runs on one thread of
 * its own: never a relay's.
 */
public final class EvidenceRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EvidenceRecorder.class.getName());
    /** Incident ids become directory names: letters, digits, '.', '_', '-'. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Duration FINISH_WAIT = Duration.ofSeconds(10);

    private record Key(String incidentId, String vehicleId) {
    }

    private record Recording(FfmpegSegmenter segmenter, AutoCloseable tap, StreamRelay relay) {
    }

    private final EvidenceConfig config;
    private final VideoStreams streams;
    private final Supplier<Map<String, Set<String>>> incidentDrones;
    private final AuditJournal audit;
    private final EvidenceStore store;
    private final InstantSource clock;
    private final ScheduledExecutorService worker;
    private final Map<Key, Recording> active = new HashMap<>(); // worker thread only
    private volatile int activeRuns;

    /**
     * Starts reconciling at once.
     *
     * @param incidentDrones each open incident's id and the drones on it ({@link #dronesOf})
     */
    public EvidenceRecorder(EvidenceConfig config, VideoStreams streams, Supplier<Map<String, Set<String>>> incidentDrones,
                            AuditJournal audit, EvidenceStore store, InstantSource clock) {
        this.config = config;
        this.streams = streams;
        this.incidentDrones = incidentDrones;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyfleet-evidence");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::reconcileQuietly, 0, 1, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::expireQuietly, 1, 1, TimeUnit.MINUTES);
    }

    /** The drones on each open incident: those its search assigned. */
    public static Map<String, Set<String>> dronesOf(List<Incident> incidents) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Incident i : incidents) {
            if (i.open()) {
                Set<String> drones = new LinkedHashSet<>();
                for (SearchAssignment a : i.search().assignments()) {
                    drones.add(a.vehicleId());
                }
                out.put(i.incidentId(), drones);
            }
        }
        return out;
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "evidence recording could not be brought up to date", e);
        }
    }

    private void reconcile() {
        Map<Key, StreamRelay> wanted = new HashMap<>();
        incidentDrones.get().forEach((incident, drones) -> {
            if (!SAFE_ID.matcher(incident).matches()) {
                return;
            }
            for (String vehicle : drones) {
                streams.stream(vehicle).map(VehicleStream::relay).ifPresent(relay -> wanted.put(new Key(incident, vehicle), relay));
            }
        });
        for (var it = active.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Recording r = e.getValue();
            if (r.segmenter().ended() || wanted.get(e.getKey()) != r.relay()) {
                it.remove();
                stop(r);
            }
        }
        wanted.forEach((key, relay) -> {
            if (!active.containsKey(key)) {
                start(key, relay);
            }
        });
        activeRuns = active.size();
    }

    /** Feeds being recorded now (as of the last reconciliation, once a second). */
    public int activeRuns() {
        return activeRuns;
    }

    /** Returns once every segment closed so far is hashed, journaled and stored. */
    public void flush() throws InterruptedException {
        try {
            worker.submit(() -> { }).get();
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void start(Key key, StreamRelay relay) {
        String run = Long.toString(clock.millis());
        Path dir = config.dir().resolve(key.incidentId()).resolve(key.vehicleId()).resolve(run);
        try {
            FfmpegSegmenter s = FfmpegSegmenter.start(config.ffmpeg(), dir, config.segment(), clock,
                    (file, start, end) -> {
                        try {
                            worker.execute(() -> keep(key, run, file, start, end));
                        } catch (java.util.concurrent.RejectedExecutionException closing) {
                            keep(key, run, file, start, end); // the last segments while the recorder closes
                        }
                    },
                    key.vehicleId() + "-" + key.incidentId());
            active.put(key, new Recording(s, relay.add(s), relay));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot record " + key.vehicleId() + " for incident " + key.incidentId(), e);
        }
    }

    private static void stop(Recording r) {
        try {
            r.tap().close();
            r.segmenter().finish(FINISH_WAIT);
        } catch (Exception e) {
            LOG.log(Level.FINE, "evidence run stopped with an error", e);
        }
    }

    private void keep(Key key, String run, Path file, Instant start, Instant end) {
        try {
            long size = Files.size(file);
            String sha256 = sha256(file);
            String fileName = key.vehicleId() + "_" + run + "_" + file.getFileName();
            AuditEntry entry = audit.append("system", "evidence segment recorded", key.vehicleId(),
                    "incident " + key.incidentId() + ", file " + fileName + ", sha256 " + sha256 + ", " + start + " .. " + end, "ok");
            String segmentId = key.incidentId() + "/" + key.vehicleId() + "/" + run + "/" + file.getFileName();
            store.save(new EvidenceSegment(segmentId, key.incidentId(), key.vehicleId(), fileName, start, end, size, sha256,
                    entry.sequence(), entry.hash()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "evidence segment " + file + " could not be kept", e);
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", impossible);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Where a segment's file is. */
    public Path file(EvidenceSegment s) {
        Path p = config.dir().resolve(s.segmentId()).normalize();
        if (!p.startsWith(config.dir().normalize())) {
            throw new IllegalArgumentException("segment id " + s.segmentId() + " leaves the evidence directory");
        }
        return p;
    }

    private void expireQuietly() {
        try {
            expire();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expired evidence could not be deleted", e);
        }
    }

    /** Deletes every segment that ended more than the retention ago, each journaled; returns how many. */
    public int expire() {
        int n = 0;
        for (EvidenceSegment s : store.endedBefore(clock.instant().minus(config.retention()))) {
            deleteFile(s);
            store.delete(s.segmentId());
            audit.append("system", "evidence segment expired", s.vehicleId(), "incident " + s.incidentId() + ", file "
                    + s.fileName() + ", retention " + config.retention().toDays() + " d", "deleted");
            n++;
        }
        return n;
    }

    /**
     * Deletes an incident's segments, files and records, journaled once with who and why.
     *
     * @throws IllegalArgumentException without a reason
     * @throws NoSuchElementException   if the incident has no recorded segments
     */
    public int delete(String incidentId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to delete evidence: it is journaled");
        }
        List<EvidenceSegment> segments = store.byIncident(incidentId);
        if (segments.isEmpty()) {
            throw new NoSuchElementException("incident " + incidentId + " has no recorded evidence");
        }
        for (EvidenceSegment s : segments) {
            deleteFile(s);
            store.delete(s.segmentId());
        }
        audit.append(actor, "evidence deleted", "", "incident " + incidentId + ", " + segments.size() + " segment(s), reason: "
                + reason, "deleted");
        return segments.size();
    }

    private void deleteFile(EvidenceSegment s) {
        try {
            Files.deleteIfExists(file(s));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "evidence file of " + s.segmentId() + " could not be deleted", e);
        }
    }

    /** Finishes every run (their last segments are kept) and stops. */
    @Override
    public void close() throws InterruptedException {
        worker.execute(() -> {
            active.values().forEach(EvidenceRecorder::stop);
            active.clear();
        });
        worker.shutdown();
        if (!worker.awaitTermination(FINISH_WAIT.toSeconds() + 5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
