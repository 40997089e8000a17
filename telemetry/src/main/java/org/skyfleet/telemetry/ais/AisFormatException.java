package org.skyfleet.telemetry.ais;

/** A sentence or payload that breaks the NMEA or AIS format; {@link #reason()} says which rule, for the counters. */
public final class AisFormatException extends Exception {
    /** Why a sentence was dropped: one counter each. */
    public enum Reason {
        /** Not an {@code !xxVDM}/{@code !xxVDO} sentence with seven fields. */
        MALFORMED,
        /** No {@code *hh} checksum, or one that does not match the sentence. */
        BAD_CHECKSUM,
        /** Fill bits outside 0..5, or not 0 on a fragment that is not the last. */
        BAD_FILL_BITS,
        /** A payload character outside the six-bit armour ('0'..'W', '`'..'w'). */
        BAD_PAYLOAD,
        /** A fragment that does not fit the message it claims to belong to. */
        BAD_FRAGMENT,
        /** A message shorter than its type's fields. */
        TOO_SHORT,
        /** A message type this ingest does not read (4, 6, 8, 21, ...). */
        UNSUPPORTED_TYPE
    }

    private final Reason reason;

    public AisFormatException(Reason reason, String message) {
        super(message, null, false, false); // a dropped sentence is routine: no stack trace
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
