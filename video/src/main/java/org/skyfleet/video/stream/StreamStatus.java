package org.skyfleet.video.stream;

import java.time.Instant;

/**
 * A vehicle's stream as a viewer or operator sees it.
 *
 * @param sourceUrl     what the server pulls, or the RTMP endpoint it listens on
 * @param error         why FAILED or STALLED; empty when LIVE
 * @param codec         RFC 6381 codecs value; empty before the first init segment
 * @param lastFrameTime null before the first frame
 * @param discoveredBy  "operator", "push" or "mavlink"
 */
public record StreamStatus(String vehicleId, String sourceUrl, StreamState state, String error, String codec, int widthPx,
                           int heightPx, double framesPerS, double bitrateKbitS, int viewers, long stalls,
                           Instant lastFrameTime, String discoveredBy) {
}
