package org.skyfleet.telemetry.mavlink;

/** Why bytes on the wire did not become a frame. The lower-case name is the metric tag. */
public enum FrameRejection {
    /** Bytes before a start marker, or a start marker with no plausible frame after it. */
    GARBAGE,
    /** A frame header whose declared length runs past the end of the datagram. */
    TRUNCATED,
    /** The checksum does not match the bytes and the message's CRC_EXTRA. */
    BAD_CRC,
    /** A message id no dialect here defines, so its checksum cannot be checked. */
    UNKNOWN_MESSAGE,
    /** MAVLink 2 incompatibility flags this codec does not understand. */
    UNSUPPORTED_FLAGS,
    /** The checksum matched but the payload would not decode. */
    UNDECODABLE;

    public String tag() {
        return name().toLowerCase();
    }
}
