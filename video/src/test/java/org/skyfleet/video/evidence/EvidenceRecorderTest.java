package org.skyfleet.video.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.evidence.EvidenceSegment;
import org.skyfleet.fleet.evidence.InMemoryEvidenceStore;
import org.skyfleet.video.VideoConfig;
import org.skyfleet.video.VideoStreams;

/**
 * Retention and deletion of recorded evidence, on a clock the test moves: a segment is deleted (file, record,
 * journaled) once it ended more than the retention ago and not a millisecond before; deleting an incident's evidence
 * needs a reason and is journaled with who did it.
 */
class EvidenceRecorderTest {
    @TempDir
    Path dir;

    @Test
    void segmentsExpireAfterTheRetentionAndDeletionIsJournaled() throws Exception {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(t0);
        InstantSource clock = now::get;
        AuditJournal audit = new AuditJournal(clock);
        InMemoryEvidenceStore store = new InMemoryEvidenceStore();
        EvidenceConfig config = EvidenceConfig.under(dir).withRetention(Duration.ofDays(90));
        try (VideoStreams streams = new VideoStreams(VideoConfig.defaults(), clock, new SimpleMeterRegistry());
             EvidenceRecorder recorder = new EvidenceRecorder(config, streams, Map::of, audit, store, clock)) {
            EvidenceSegment old = segment("inc-1", "a", t0.minusSeconds(60), t0);
            EvidenceSegment other = segment("inc-2", "b", t0, t0.plusSeconds(60));
            for (EvidenceSegment s : new EvidenceSegment[] {old, other}) {
                Files.createDirectories(recorder.file(s).getParent());
                Files.writeString(recorder.file(s), s.segmentId());
                store.save(s);
            }
            now.set(t0.plus(Duration.ofDays(90)));
            assertThat(recorder.expire()).as("ended exactly 90 days ago: kept").isZero();
            now.set(t0.plus(Duration.ofDays(90)).plusMillis(1));
            assertThat(recorder.expire()).isEqualTo(1);
            assertThat(recorder.file(old)).doesNotExist();
            assertThat(store.find(old.segmentId())).isEmpty();
            assertThat(store.find(other.segmentId())).isPresent();
            assertThat(audit.entries()).filteredOn(e -> e.action().equals("evidence segment expired"))
                    .extracting(e -> e.actor() + " " + e.detail())
                    .containsExactly("system incident inc-1, file mav-1_a.mp4, retention 90 d");

            assertThatThrownBy(() -> recorder.delete("inc-2", "root (admin)", " ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> recorder.delete("inc-9", "root (admin)", "court order")).isInstanceOf(NoSuchElementException.class);
            assertThat(recorder.delete("inc-2", "root (admin)", "court order")).isEqualTo(1);
            assertThat(recorder.file(other)).doesNotExist();
            assertThat(audit.entries()).filteredOn(e -> e.action().equals("evidence deleted"))
                    .extracting(e -> e.actor() + " " + e.detail())
                    .containsExactly("root (admin) incident inc-2, 1 segment(s), reason: court order");
            assertThat(AuditJournal.firstBroken(audit.entries())).isEmpty();
        }
    }

    @Test
    void aSegmentIdThatLeavesTheEvidenceDirectoryIsRefused() throws Exception {
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-07T10:00:00Z"));
        try (VideoStreams streams = new VideoStreams(VideoConfig.defaults(), clock, new SimpleMeterRegistry());
             EvidenceRecorder recorder = new EvidenceRecorder(EvidenceConfig.under(dir), streams, Map::of, new AuditJournal(clock),
                     new InMemoryEvidenceStore(), clock)) {
            assertThatThrownBy(() -> recorder.file(segment("../..", "x", clock.instant(), clock.instant())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static EvidenceSegment segment(String incident, String name, Instant start, Instant end) {
        return new EvidenceSegment(incident + "/mav-1/1/" + name + ".mp4", incident, "mav-1", "mav-1_" + name + ".mp4", start, end,
                10, "0".repeat(64), 1, "0".repeat(64));
    }
}
