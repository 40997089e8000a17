package org.skyfleet.video;

import java.time.Duration;

/**
 * How the server takes video in.
 *
 * @param ffmpeg        the FFmpeg executable (Debian's package: /usr/bin/ffmpeg, found on the PATH as "ffmpeg")
 * @param rtmpHost      where RTMP push endpoints listen
 * @param rtmpPortBase  the first RTMP push port (one port per pushing vehicle, counting up); 0: any free port
 * @param publicHost    the host name pushers and viewers are told to use
 * @param maxStreams    streams held at once (each is one FFmpeg process and two threads)
 * @param stallTimeout  no frame for this long: the stream is stalled and its ingest restarted
 * @param connectTimeout how long a pulled source may take to answer
 */
public record VideoConfig(String ffmpeg, String rtmpHost, int rtmpPortBase, String publicHost, int maxStreams,
                          Duration stallTimeout, Duration connectTimeout) {
    public VideoConfig {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be at least 1");
        }
    }

    /** FFmpeg from the PATH, push endpoints on any free loopback port, 64 streams, a 3 s stall timeout. */
    public static VideoConfig defaults() {
        return new VideoConfig("ffmpeg", "127.0.0.1", 0, "127.0.0.1", 64, Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    public VideoConfig withRtmp(String host, int portBase, String advertisedHost) {
        return new VideoConfig(ffmpeg, host, portBase, advertisedHost, maxStreams, stallTimeout, connectTimeout);
    }

    public VideoConfig withStallTimeout(Duration d) {
        return new VideoConfig(ffmpeg, rtmpHost, rtmpPortBase, publicHost, maxStreams, d, connectTimeout);
    }
}
