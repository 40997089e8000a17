package org.skyfleet.server.response;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * When a drone's live video first reaches a person: the first frame of its stream the relay hands to a viewer (the
 * console's incident view, a player) at or after a time. Implemented by the video relay; a node without video never
 * calls back.
 */
@FunctionalInterface
public interface FirstFrames {
    FirstFrames NONE = (vehicleId, notBefore, then) -> () -> { };

    /**
     * Calls {@code then} once with the frame's hand-over time, from a video thread (it must not block).
     *
     * @return closing it stops the wait
     */
    AutoCloseable watch(String vehicleId, Instant notBefore, Consumer<Instant> then);
}
