package org.skyfleet.video.ingest;

import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.mp4.MediaFragment;

/** What one run of an ingest process reports, from its reader thread. */
public interface IngestListener {
    void onInit(InitSegment init);

    void onFragment(MediaFragment fragment);

    /**
     * The run is over: the source ended, failed or was refused.
     *
     * @param error a sentence saying why (FFmpeg's last error line, or what the relay found wrong)
     */
    void onEnd(String error);
}
