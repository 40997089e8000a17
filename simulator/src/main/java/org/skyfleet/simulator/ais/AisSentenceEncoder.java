package org.skyfleet.simulator.ais;

import java.util.ArrayList;
import java.util.List;

/**
 * A transponder's side of AIS: message fields packed MSB first (ITU-R M.1371-5 annex 8), six-bit armoured,
 * split into sentences of at most 60 payload characters, each with its NMEA checksum. Positions in degrees
 * become 1/10 000 minute, speeds in metres per second 1/10 knot, courses 1/10 degree.
 */
public final class AisSentenceEncoder {
    private static final int MAX_PAYLOAD_CHARS = 60;
    private static final String TEXT = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?";

    private AisSentenceEncoder() {
    }

    /**
     * A class A position report (type 1) in one sentence.
     *
     * @param headingDeg -1 for not available
     */
    public static String positionReport(long mmsi, int navStatus, double latDeg, double lonDeg, double speedMps,
                                        double courseDeg, int headingDeg, int utcSecond) {
        Bits b = new Bits().put(1, 6).put(0, 2).put(mmsi, 30).put(navStatus, 4).put(128, 8) // ROT: not available
                .put(Math.min(1022, Math.round(speedMps * 3600 / 1852 * 10)), 10).put(0, 1)
                .put(Math.round(lonDeg * 600_000), 28).put(Math.round(latDeg * 600_000), 27)
                .put(Math.round(((courseDeg % 360) + 360) % 360 * 10) % 3600, 12).put(headingDeg < 0 ? 511 : headingDeg, 9)
                .put(utcSecond, 6).put(0, 2).put(0, 3).put(0, 1).put(0, 19);
        return sentences(b, 0).get(0);
    }

    /** Static and voyage data (type 5), 424 bits in two sentences of sequence id {@code sequenceId} (0..9). */
    public static List<String> staticAndVoyage(long mmsi, long imo, String callSign, String name, int shipType,
                                               String destination, int sequenceId) {
        Bits b = new Bits().put(5, 6).put(0, 2).put(mmsi, 30).put(0, 2).put(imo, 30).text(callSign, 7).text(name, 20)
                .put(shipType, 8).put(20, 9).put(5, 9).put(3, 6).put(3, 6).put(1, 4) // dimensions, GPS
                .put(0, 4).put(0, 5).put(24, 5).put(60, 6).put(30, 8).text(destination, 20).put(0, 1).put(0, 1);
        return sentences(b, sequenceId);
    }

    private static List<String> sentences(Bits bits, int sequenceId) {
        int fill = (6 - bits.length() % 6) % 6;
        bits.put(0, fill);
        String payload = bits.armour();
        int count = (payload.length() + MAX_PAYLOAD_CHARS - 1) / MAX_PAYLOAD_CHARS;
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String part = payload.substring(i * MAX_PAYLOAD_CHARS, Math.min(payload.length(), (i + 1) * MAX_PAYLOAD_CHARS));
            String body = "AIVDM," + count + "," + (i + 1) + "," + (count == 1 ? "" : Integer.toString(sequenceId)) + ",A,"
                    + part + "," + (i == count - 1 ? fill : 0);
            int x = 0;
            for (int c = 0; c < body.length(); c++) {
                x ^= body.charAt(c);
            }
            out.add("!" + body + "*" + String.format("%02X", x));
        }
        return out;
    }

    /** A growing bit string. */
    private static final class Bits {
        private final StringBuilder bits = new StringBuilder(424);

        Bits put(long value, int length) {
            for (int i = length - 1; i >= 0; i--) {
                bits.append((value >> i & 1) == 1 ? '1' : '0');
            }
            return this;
        }

        Bits text(String s, int chars) {
            String up = s == null ? "" : s.toUpperCase();
            for (int i = 0; i < chars; i++) {
                int v = i < up.length() ? TEXT.indexOf(up.charAt(i)) : 0;
                put(v < 0 ? 32 : v, 6); // a character six-bit text lacks becomes a space
            }
            return this;
        }

        int length() {
            return bits.length();
        }

        String armour() {
            StringBuilder out = new StringBuilder(bits.length() / 6);
            for (int i = 0; i < bits.length(); i += 6) {
                int v = Integer.parseInt(bits.substring(i, i + 6), 2);
                out.append((char) (v < 40 ? v + '0' : v - 40 + '`'));
            }
            return out.toString();
        }
    }
}
