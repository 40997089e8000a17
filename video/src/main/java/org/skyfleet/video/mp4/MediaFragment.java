package org.skyfleet.video.mp4;

import java.io.IOException;

/**
 * One movie fragment (moof + mdat) of a live stream, with what the relay needs to know of it: whether a
 * decoder can start on it (its first sample is a sync sample), how many samples (frames) it holds and how
 * long they last.
 */
public record MediaFragment(byte[] bytes, boolean keyframe, int samples, long durationTicks) {
    /** ISO BMFF sample flags: sample_is_non_sync_sample. */
    private static final long NON_SYNC = 0x10000;

    /**
     * Reads a moof box's first track fragment, then joins it with its mdat.
     *
     * @param init the stream's init segment, for the defaults (trex) a fragment may leave out
     * @throws IOException if the moof has no track fragment run
     */
    public static MediaFragment of(byte[] moof, byte[] mdat, InitSegment init) throws IOException {
        int[] traf = Boxes.child(moof, 8, moof.length, "traf");
        int[] tfhd = Boxes.path(moof, traf, "tfhd");
        int[] trun = Boxes.path(moof, traf, "trun");
        if (tfhd == null || trun == null) {
            throw new IOException("a movie fragment without a track fragment run (moof/traf/trun)");
        }
        long flags = init.defaultSampleFlags();
        long duration = init.defaultSampleDuration();
        int tf = (int) Boxes.u32(moof, tfhd[0]) & 0xffffff;
        int at = tfhd[0] + 8; // version/flags, track_ID
        at += (tf & 0x1) != 0 ? 8 : 0; // base_data_offset
        at += (tf & 0x2) != 0 ? 4 : 0; // sample_description_index
        if ((tf & 0x8) != 0) {
            duration = Boxes.u32(moof, at);
            at += 4;
        }
        at += (tf & 0x10) != 0 ? 4 : 0; // default_sample_size
        if ((tf & 0x20) != 0) {
            flags = Boxes.u32(moof, at);
        }
        int tr = (int) Boxes.u32(moof, trun[0]) & 0xffffff;
        int samples = (int) Boxes.u32(moof, trun[0] + 4);
        at = trun[0] + 8;
        at += (tr & 0x1) != 0 ? 4 : 0; // data_offset
        Long first = null;
        if ((tr & 0x4) != 0) {
            first = Boxes.u32(moof, at);
            at += 4;
        }
        long total = 0;
        for (int i = 0; i < samples && at <= trun[1]; i++) {
            if ((tr & 0x100) != 0) {
                total += Boxes.u32(moof, at);
                at += 4;
            } else {
                total += duration;
            }
            at += (tr & 0x200) != 0 ? 4 : 0;
            if ((tr & 0x400) != 0) {
                if (i == 0 && first == null) {
                    first = Boxes.u32(moof, at);
                }
                at += 4;
            }
            at += (tr & 0x800) != 0 ? 4 : 0;
        }
        boolean key = ((first != null ? first : flags) & NON_SYNC) == 0;
        byte[] bytes = new byte[moof.length + mdat.length];
        System.arraycopy(moof, 0, bytes, 0, moof.length);
        System.arraycopy(mdat, 0, bytes, moof.length, mdat.length);
        return new MediaFragment(bytes, key, samples, total);
    }
}
