package org.skyfleet.video.relay;

import org.skyfleet.video.mp4.InitSegment;

/** Where one viewer's bytes go (a WebSocket, a chunked HTTP response); called from the ingest thread. */
public interface ViewerSink {
    /** False while the viewer's connection is still sending what it was given: the relay skips to the next keyframe. */
    boolean writable();

    /** A new init segment: the stream (re)started, perhaps with another codec or size. */
    void sendInit(InitSegment init);

    /** A fragment; the bytes are shared with every other viewer and must not be changed. */
    void sendFragment(byte[] bytes);

    /** The stream went away or changed; {@code state} and {@code reason} for a status line ("stalled: ..."). */
    void sendStatus(String state, String reason);
}
