package org.skyfleet.video.evidence;

import java.nio.file.Path;
import java.time.Instant;

/** Hears each MP4 segment FFmpeg has closed, from the segmenter's reader thread; must not block for long. */
@FunctionalInterface
public interface SegmentListener {

    /**
     * @param file  the closed segment
     * @param start UTC of its first frame
     * @param end   UTC just after its last frame
     */
    void onSegment(Path file, Instant start, Instant end);
}
