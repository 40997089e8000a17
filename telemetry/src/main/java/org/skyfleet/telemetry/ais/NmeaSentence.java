package org.skyfleet.telemetry.ais;

import org.skyfleet.telemetry.ais.AisFormatException.Reason;

/**
 * One {@code !AIVDM}/{@code !AIVDO} sentence, checked: {@code !AIVDM,2,1,3,B,<payload>,0*5C}. A tag block
 * ({@code \s:station,c:time*hh\}) in front of it, as aggregators add, is skipped.
 *
 * @param talker          two letters, "AI" for a transponder (others: "AB", "BS", ...)
 * @param own             VDO (the receiver's own ship) rather than VDM
 * @param fragmentCount   1..9
 * @param fragmentNumber  1..fragmentCount
 * @param sequenceId      -1 for a single-fragment message, else 0..9 grouping its fragments
 * @param channel         "A", "B", "1", "2" or "" (not given)
 * @param payload         six-bit armoured characters, checked
 * @param fillBits        0..5 bits of padding at the end of the payload
 */
public record NmeaSentence(String talker, boolean own, int fragmentCount, int fragmentNumber, int sequenceId,
                           String channel, String payload, int fillBits) {
    /** NMEA 0183 allows 82 characters; payloads of long type 5 lines exceed it in the wild, so allow some room. */
    static final int MAX_LENGTH = 200;

    /**
     * Parses and checks one line (without line end).
     *
     * @throws AisFormatException with the rule it breaks
     */
    public static NmeaSentence parse(CharSequence line) throws AisFormatException {
        String s = line.toString().strip();
        if (s.startsWith("\\")) { // tag block
            int end = s.indexOf('\\', 1);
            if (end < 0) {
                throw new AisFormatException(Reason.MALFORMED, "unterminated tag block");
            }
            s = s.substring(end + 1);
        }
        if (s.length() > MAX_LENGTH) {
            throw new AisFormatException(Reason.MALFORMED, "sentence of " + s.length() + " characters");
        }
        if (s.length() < 7 || s.charAt(0) != '!' || !s.startsWith("VD", 3) || (s.charAt(5) != 'M' && s.charAt(5) != 'O')) {
            throw new AisFormatException(Reason.MALFORMED, "not a !xxVDM/!xxVDO sentence");
        }
        int star = s.lastIndexOf('*');
        if (star < 0 || star + 3 != s.length()) {
            throw new AisFormatException(Reason.BAD_CHECKSUM, "no *hh checksum");
        }
        int hi = Character.digit(s.charAt(star + 1), 16);
        int lo = Character.digit(s.charAt(star + 2), 16);
        int given = hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
        int computed = 0;
        for (int i = 1; i < star; i++) {
            computed ^= s.charAt(i);
        }
        if (given < 0 || given != computed) {
            throw new AisFormatException(Reason.BAD_CHECKSUM, "checksum " + s.substring(star + 1) + ", computed "
                    + String.format("%02X", computed));
        }
        String[] f = s.substring(1, star).split(",", -1);
        if (f.length != 7) {
            throw new AisFormatException(Reason.MALFORMED, f.length + " fields, not 7");
        }
        int count = digit(f[1], 1, 9, "fragment count");
        int number = digit(f[2], 1, count, "fragment number");
        int sequence = f[3].isEmpty() ? -1 : digit(f[3], 0, 9, "sequence id");
        if (count > 1 && sequence < 0) {
            throw new AisFormatException(Reason.MALFORMED, "a fragment of several without a sequence id");
        }
        if (!f[4].isEmpty() && !f[4].matches("[AB12]")) {
            throw new AisFormatException(Reason.MALFORMED, "channel " + f[4]);
        }
        if (f[6].length() != 1 || f[6].charAt(0) < '0' || f[6].charAt(0) > '5') {
            throw new AisFormatException(Reason.BAD_FILL_BITS, "fill bits '" + f[6] + "' not 0..5");
        }
        int fill = f[6].charAt(0) - '0';
        if (number < count && fill != 0) {
            throw new AisFormatException(Reason.BAD_FILL_BITS, fill + " fill bits on fragment " + number + " of " + count);
        }
        if (f[5].isEmpty()) {
            throw new AisFormatException(Reason.BAD_PAYLOAD, "empty payload");
        }
        for (int i = 0; i < f[5].length(); i++) {
            if (SixBitPayload.value(f[5].charAt(i)) < 0) {
                throw new AisFormatException(Reason.BAD_PAYLOAD, "payload character '" + f[5].charAt(i) + "'");
            }
        }
        return new NmeaSentence(f[0].substring(0, 2), f[0].charAt(4) == 'O', count, number, sequence, f[4], f[5], fill);
    }

    private static int digit(String field, int min, int max, String what) throws AisFormatException {
        if (field.length() != 1 || field.charAt(0) < '0' || field.charAt(0) > '9') {
            throw new AisFormatException(Reason.MALFORMED, what + " '" + field + "'");
        }
        int v = field.charAt(0) - '0';
        if (v < min || v > max) {
            throw new AisFormatException(Reason.MALFORMED, what + " " + v + " outside " + min + ".." + max);
        }
        return v;
    }
}
