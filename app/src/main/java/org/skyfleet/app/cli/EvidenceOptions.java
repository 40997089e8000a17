package org.skyfleet.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.skyfleet.video.evidence.EvidenceConfig;
import picocli.CommandLine.Option;

/** Where {@code serve} keeps incidents' video as evidence, in what lengths, and for how long. */
final class EvidenceOptions {
    @Option(names = "--evidence-dir", paramLabel = "DIR", description = "where incidents' recorded video segments are kept "
            + "(default: evidence/ in the data directory)")
    Path dir;

    @Option(names = "--evidence-retention-days", defaultValue = "90", paramLabel = "DAYS",
            description = "days a recorded segment is kept after it ended; then it is deleted, journaled (default: ${DEFAULT-VALUE})")
    int retentionDays;

    @Option(names = "--evidence-segment-s", defaultValue = "60", paramLabel = "SECONDS",
            description = "length of each recorded MP4 segment, cut at the next keyframe (default: ${DEFAULT-VALUE})")
    double segmentS;

    /** @throws IllegalArgumentException for a retention or segment length out of range */
    EvidenceConfig toConfig(Path dataDir) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("--evidence-retention-days must be at least 1, got " + retentionDays);
        }
        Path where = dir != null ? dir : (dataDir != null ? dataDir : Path.of("skyfleet-data")).resolve("evidence");
        return EvidenceConfig.under(where).withRetention(Duration.ofDays(retentionDays))
                .withSegment(Duration.ofMillis(Math.round(segmentS * 1000)));
    }
}
