package org.skyfleet.telemetry.mavlink;

import java.net.InetSocketAddress;

/**
 * One decoded, CRC-checked MAVLink frame with where it came from.
 *
 * @param sender       the datagram's source address
 * @param mavlink2     true for a MAVLink 2 frame, false for MAVLink 1
 * @param sequence     the sender's packet sequence, 0..255
 * @param systemId     sender system id, 1..255
 * @param componentId  sender component id, 0..255
 * @param messageId    MAVLink message id
 * @param payload      the decoded dronefleet payload object (e.g. {@code Heartbeat})
 * @param signed       true if the frame carried a MAVLink 2 signature (not yet verified)
 * @param rawFrame     the whole frame's bytes, kept for signature checks
 */
public record MavlinkFrame(InetSocketAddress sender, boolean mavlink2, int sequence, int systemId, int componentId,
                           int messageId, Object payload, boolean signed, byte[] rawFrame) {
}
