package org.skyfleet.video.evidence;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How incidents' feeds are kept as evidence.
 *
 * @param dir       where segments are written: {@code dir/incident/vehicle/run/000000.mp4}
 * @param segment   how long each MP4 segment runs (cut at the first keyframe after it); 60 s by default
 * @param retention how long a segment is kept after it ended; then it is deleted, journaled
 * @param ffmpeg    the FFmpeg executable
 */
public record EvidenceConfig(Path dir, Duration segment, Duration retention, String ffmpeg) {
    public static final Duration DEFAULT_SEGMENT = Duration.ofSeconds(60);
    public static final int DEFAULT_RETENTION_DAYS = 90;

    public EvidenceConfig {
        if (segment.toMillis() < 500) {
            throw new IllegalArgumentException("an evidence segment runs at least 0.5 s, got " + segment);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("evidence retention must be positive, got " + retention);
        }
    }

    /** 60 s segments kept 90 days under {@code dir}, FFmpeg from the PATH. */
    public static EvidenceConfig under(Path dir) {
        return new EvidenceConfig(dir, DEFAULT_SEGMENT, Duration.ofDays(DEFAULT_RETENTION_DAYS), "ffmpeg");
    }

    public EvidenceConfig withSegment(Duration d) {
        return new EvidenceConfig(dir, d, retention, ffmpeg);
    }

    public EvidenceConfig withRetention(Duration d) {
        return new EvidenceConfig(dir, segment, d, ffmpeg);
    }
}
