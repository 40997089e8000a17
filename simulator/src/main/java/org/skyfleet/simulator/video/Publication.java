package org.skyfleet.simulator.video;

import java.util.List;

/**
 * How one camera publishes: the URL a viewer or the server uses, and the encoder's output arguments.
 *
 * @param url           rtmp://server/live/ID when pushing as a DJI dock does, rtsp://sim/live/ID when served as a PX4 camera does
 * @param encoderOutput what {@link H264Encoder} writes to
 */
public record Publication(String url, List<String> encoderOutput) {
    /** Pushed over RTMP to {@code url}. */
    public static Publication rtmpPush(String url) {
        return new Publication(url, H264Encoder.rtmp(url));
    }
}
