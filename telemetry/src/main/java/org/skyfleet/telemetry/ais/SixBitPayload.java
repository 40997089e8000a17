package org.skyfleet.telemetry.ais;

import org.skyfleet.telemetry.ais.AisFormatException.Reason;

/**
 * An AIS message's bits, de-armoured from NMEA payload characters (ITU-R M.1371 / IEC 61162-1: each
 * character carries six bits, '0'..'W' for 0..39 and '`'..'w' for 40..63), less the fill bits. Fields
 * are read MSB first by bit offset, as the message tables give them.
 */
public final class SixBitPayload {
    /** Six-bit text: 0..31 are '@'..'_', 32..63 are ' '..'?'. */
    private static final String TEXT = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?";

    private final byte[] sixBits;
    private final int bitLength;

    private SixBitPayload(byte[] sixBits, int bitLength) {
        this.sixBits = sixBits;
        this.bitLength = bitLength;
    }

    /** The six-bit value of an armoured character, or -1 if it is not one. */
    static int value(char c) {
        if (c >= '0' && c <= 'W') {
            return c - '0';
        }
        if (c >= '`' && c <= 'w') {
            return c - '`' + 40;
        }
        return -1;
    }

    /** @throws AisFormatException if a character is not armour or the fill exceeds the payload */
    public static SixBitPayload of(CharSequence armoured, int fillBits) throws AisFormatException {
        byte[] values = new byte[armoured.length()];
        for (int i = 0; i < values.length; i++) {
            int v = value(armoured.charAt(i));
            if (v < 0) {
                throw new AisFormatException(Reason.BAD_PAYLOAD, "payload character '" + armoured.charAt(i) + "'");
            }
            values[i] = (byte) v;
        }
        int bits = 6 * values.length - fillBits;
        if (fillBits < 0 || fillBits > 5 || bits < 0) {
            throw new AisFormatException(Reason.BAD_FILL_BITS, fillBits + " fill bits on " + values.length + " characters");
        }
        return new SixBitPayload(values, bits);
    }

    public int bitLength() {
        return bitLength;
    }

    /** The message type, bits 0..5. */
    public int messageType() {
        return bitLength < 6 ? -1 : sixBits[0];
    }

    /** An unsigned field of {@code length} (1..32) bits at {@code offset}. */
    public long unsigned(int offset, int length) {
        if (offset < 0 || length < 1 || length > 32 || offset + length > bitLength) {
            throw new IndexOutOfBoundsException("bits " + offset + "+" + length + " of " + bitLength);
        }
        long v = 0;
        for (int i = offset; i < offset + length; i++) {
            v = v << 1 | (sixBits[i / 6] >> (5 - i % 6) & 1);
        }
        return v;
    }

    /** A two's-complement field of {@code length} bits at {@code offset}. */
    public long signed(int offset, int length) {
        long v = unsigned(offset, length);
        return (v & 1L << (length - 1)) != 0 ? v - (1L << length) : v;
    }

    /**
     * Six-bit text of {@code chars} characters at {@code offset}: '@' is padding, surrounding spaces are
     * dropped; a field cut short by the message's end yields what is there.
     */
    public String text(int offset, int chars) {
        StringBuilder b = new StringBuilder(chars);
        for (int i = 0; i < chars && offset + 6 * i + 6 <= bitLength; i++) {
            char c = TEXT.charAt((int) unsigned(offset + 6 * i, 6));
            if (c == '@') {
                break;
            }
            b.append(c);
        }
        return b.toString().strip();
    }
}
