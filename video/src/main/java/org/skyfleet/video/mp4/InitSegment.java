package org.skyfleet.video.mp4;

import java.io.IOException;
import java.util.Locale;

/**
 * A fragmented MP4's header (ftyp + moov) and what a player must know from it: the codec as an RFC 6381
 * {@code codecs} value (what {@code MediaSource.isTypeSupported} takes) and the picture size.
 *
 * @param codec       "avc1.42c01f" for H.264 (profile, constraints, level from the avcC record),
 *                    "hvc1"/"hev1" for H.265, or the sample entry's four letters for anything else
 * @param sampleFlags the default flags of a sample (the trex box), for fragments that do not say
 */
public record InitSegment(byte[] bytes, String codec, int widthPx, int heightPx, long timescale, long defaultSampleFlags,
                          long defaultSampleDuration) {

    /** True for H.264 and H.265, the codecs the relay passes on. */
    public boolean isH264OrH265() {
        return codec.startsWith("avc1") || codec.startsWith("avc3") || codec.startsWith("hvc1") || codec.startsWith("hev1");
    }

    /** The MIME type for Media Source Extensions. */
    public String mimeType() {
        return "video/mp4; codecs=\"" + codec + "\"";
    }

    /**
     * Reads the first video track of an ftyp box followed by a moov box.
     *
     * @throws IOException if the moov has no video track with a sample entry
     */
    public static InitSegment of(byte[] ftyp, byte[] moov) throws IOException {
        byte[] bytes = new byte[ftyp.length + moov.length];
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        System.arraycopy(moov, 0, bytes, ftyp.length, moov.length);
        int[] body = {ftyp.length + 8, bytes.length};
        int[] trak = Boxes.child(bytes, body[0], body[1], "trak");
        int[] mdia = Boxes.path(bytes, trak, "mdia");
        int[] mdhd = Boxes.path(bytes, mdia, "mdhd");
        int[] stsd = Boxes.path(bytes, mdia, "minf", "stbl", "stsd");
        if (mdhd == null || stsd == null) {
            throw new IOException("no video track in the stream's header (moov)");
        }
        long timescale = bytes[mdhd[0]] == 1 ? Boxes.u32(bytes, mdhd[0] + 20) : Boxes.u32(bytes, mdhd[0] + 12);
        int entry = stsd[0] + 8; // version/flags, entry_count, then the first sample entry box
        String type = Boxes.fourcc(bytes, entry + 4);
        int visual = entry + 8; // VisualSampleEntry: 6 reserved, data ref index, 16 pre-defined/reserved, then width, height
        int width = Boxes.u16(bytes, visual + 24);
        int height = Boxes.u16(bytes, visual + 26);
        int entryEnd = entry + (int) Boxes.u32(bytes, entry);
        String codec = type;
        if (type.equals("avc1") || type.equals("avc3")) {
            int[] avcC = Boxes.child(bytes, visual + 78, entryEnd, "avcC");
            if (avcC != null) {
                codec = String.format(Locale.ROOT, "%s.%02x%02x%02x", type, bytes[avcC[0] + 1] & 0xff,
                        bytes[avcC[0] + 2] & 0xff, bytes[avcC[0] + 3] & 0xff);
            }
        }
        long flags = 0;
        long duration = 0;
        int[] trex = Boxes.child(bytes, body[0], body[1], "mvex");
        trex = trex == null ? null : Boxes.child(bytes, trex[0], trex[1], "trex");
        if (trex != null) {
            duration = Boxes.u32(bytes, trex[0] + 12);
            flags = Boxes.u32(bytes, trex[0] + 20);
        }
        return new InitSegment(bytes, codec, width, height, timescale, flags, duration);
    }
}
