package org.skyfleet.video.relay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.mp4.MediaFragment;

/**
 * One stream's viewers, fed from its ingest thread. Each fragment's bytes are handed to every viewer as they
 * are (no copy, no transcoding). A viewer joining mid-stream gets the init segment then waits for a
 * keyframe; a viewer whose connection is not writable misses fragments until it is and a keyframe comes,
 * so memory per viewer is what its socket buffers hold, and one slow viewer never holds up another.
 */
public final class StreamRelay {
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final AtomicLong skipped = new AtomicLong();
    private volatile InitSegment init;

    private static final class Viewer {
        final ViewerSink sink;
        InitSegment sentInit;
        boolean waitingForKeyframe = true;

        Viewer(ViewerSink sink) {
            this.sink = sink;
        }
    }

    /** Adds a viewer; it hears from the next keyframe on. Closing the handle removes it. */
    public AutoCloseable add(ViewerSink sink) {
        Viewer v = new Viewer(sink);
        viewers.add(v);
        return () -> viewers.remove(v);
    }

    public void onInit(InitSegment segment) {
        this.init = segment;
    }

    /** @return how many viewers were handed the fragment (0: nobody watches, or every viewer waits for a keyframe) */
    public int onFragment(MediaFragment fragment) {
        InitSegment current = init;
        int delivered = 0;
        for (Viewer v : viewers) {
            synchronized (v) {
                if (!v.sink.writable()) {
                    v.waitingForKeyframe = true;
                    skipped.incrementAndGet();
                    continue;
                }
                if (v.waitingForKeyframe && !fragment.keyframe()) {
                    continue;
                }
                if (v.sentInit != current) {
                    v.sink.sendInit(current);
                    v.sentInit = current;
                }
                v.waitingForKeyframe = false;
                v.sink.sendFragment(fragment.bytes());
                delivered++;
            }
        }
        return delivered;
    }

    /** Tells every viewer the stream stopped; each starts again at the next init segment and keyframe. */
    public void onStatus(String state, String reason) {
        for (Viewer v : viewers) {
            synchronized (v) {
                v.sentInit = null;
                v.waitingForKeyframe = true;
                v.sink.sendStatus(state, reason);
            }
        }
    }

    public int viewerCount() {
        return viewers.size();
    }

    /** Fragments not sent to a viewer because its connection was full. */
    public long skippedFragments() {
        return skipped.get();
    }

    /** The current init segment, or null before the first. */
    public InitSegment init() {
        return init;
    }
}
