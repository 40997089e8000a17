package org.skyfleet.telemetry.ais;

import java.util.ArrayList;
import java.util.List;

/** Builds AIVDM sentences from fields, for properties: bits MSB first, six-bit armour, checksum. */
final class TestSentences {
    private final StringBuilder bits = new StringBuilder();

    TestSentences put(long value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            bits.append((value >> i & 1) == 1 ? '1' : '0');
        }
        return this;
    }

    /** A class A position report (type 1..3) with the given raw field values. */
    static TestSentences classA(int type, long mmsi, int navStatus, long tenthKnots, long lon, long lat, long tenthDeg,
                                long heading) {
        return new TestSentences().put(type, 6).put(0, 2).put(mmsi, 30).put(navStatus, 4).put(0, 8).put(tenthKnots, 10)
                .put(0, 1).put(lon, 28).put(lat, 27).put(tenthDeg, 12).put(heading, 9).put(60, 6).put(0, 2).put(0, 3)
                .put(0, 1).put(0, 19);
    }

    /** The payload's fill bits and armour. */
    String[] armour() {
        int fill = (6 - bits.length() % 6) % 6;
        String padded = bits + "0".repeat(fill);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < padded.length(); i += 6) {
            int v = Integer.parseInt(padded.substring(i, i + 6), 2);
            out.append((char) (v < 40 ? v + '0' : v - 40 + '`'));
        }
        return new String[] {out.toString(), Integer.toString(fill)};
    }

    /** The message as {@code fragments} sentences of sequence id {@code seq}. */
    List<String> sentences(int fragments, int seq) {
        String[] a = armour();
        String payload = a[0];
        int per = (payload.length() + fragments - 1) / fragments;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fragments; i++) {
            String part = payload.substring(Math.min(payload.length(), i * per), Math.min(payload.length(), (i + 1) * per));
            String fill = i == fragments - 1 ? a[1] : "0";
            out.add(withChecksum("!AIVDM," + fragments + "," + (i + 1) + "," + (fragments == 1 ? "" : seq) + ",A," + part + "," + fill));
        }
        return out;
    }

    static String withChecksum(String body) {
        int x = 0;
        for (int i = 1; i < body.length(); i++) {
            x ^= body.charAt(i);
        }
        return body + "*" + String.format("%02X", x);
    }
}
