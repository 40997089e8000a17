package org.skyfleet.app.video;

import java.util.List;
import java.util.Locale;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.stream.StreamStatus;

/** The video messages and the stream list as JSON, written by hand like the console's: a handful of flat fields. */
final class VideoJson {
    private VideoJson() {
    }

    static String init(InitSegment init) {
        return "{\"t\":\"init\",\"mime\":" + quote(init.mimeType()) + ",\"codec\":" + quote(init.codec()) + ",\"widthPx\":"
                + init.widthPx() + ",\"heightPx\":" + init.heightPx() + "}";
    }

    static String status(String state, String reason) {
        return "{\"t\":\"status\",\"state\":" + quote(state) + ",\"reason\":" + quote(reason) + "}";
    }

    static String hello(String subject) {
        return "{\"t\":\"hello\",\"subject\":" + quote(subject) + "}";
    }

    static String streams(List<StreamStatus> all) {
        StringBuilder b = new StringBuilder("{\"streams\":[");
        for (int i = 0; i < all.size(); i++) {
            StreamStatus s = all.get(i);
            b.append(i == 0 ? "" : ",").append("{\"vehicleId\":").append(quote(s.vehicleId()))
                    .append(",\"state\":").append(quote(s.state().name())).append(",\"error\":").append(quote(s.error()))
                    .append(",\"codec\":").append(quote(s.codec())).append(",\"widthPx\":").append(s.widthPx())
                    .append(",\"heightPx\":").append(s.heightPx())
                    .append(",\"framesPerS\":").append(String.format(Locale.ROOT, "%.1f", s.framesPerS()))
                    .append(",\"bitrateKbitS\":").append(String.format(Locale.ROOT, "%.0f", s.bitrateKbitS()))
                    .append(",\"viewers\":").append(s.viewers()).append(",\"stalls\":").append(s.stalls()).append('}');
        }
        return b.append("]}").toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
