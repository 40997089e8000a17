package org.skyfleet.video.stream;

/** Where a vehicle's stream stands; the proto's VideoStream.State. */
public enum StreamState {
    /** Waiting for the source, or for a pusher to connect. */
    CONNECTING,
    /** Frames arriving. */
    LIVE,
    /** No frame for the stall timeout, or the source went away: reconnecting. */
    STALLED,
    /** The source is not usable video; retried with back-off. */
    FAILED
}
