package org.skyfleet.telemetry.link;

import java.time.Duration;
import java.util.Objects;

/**
 * How one MAVLink UDP link behaves.
 *
 * @param linkName              short name used in vehicle ids ({@code mav-<linkName>-<sysid>}); the port by default
 * @param bindHost              address to listen on, e.g. 0.0.0.0
 * @param port                  UDP port; 14550 is where ground stations listen; 0 picks a free one
 * @param heartbeatTimeout      no heartbeat for this long marks the vehicle's link lost
 * @param streamAckTimeout      wait this long for SET_MESSAGE_INTERVAL acks before falling back to REQUEST_DATA_STREAM
 * @param maxDatagramBytes      larger datagrams are dropped as oversize
 * @param peerDatagramsPerSecond sustained datagrams per second one source IP address (all its ports together) may send
 *                              before the excess is dropped
 * @param peerBurstDatagrams    how many datagrams above the sustained rate a source IP may send at once
 * @param gcsSystemId           the system id this ground station uses, conventionally 255
 * @param gcsComponentId        the component id this ground station uses, conventionally 190
 * @param signingKeys           MAVLink 2 signing keys by vehicle system id; a system id with a key must sign
 * @param signingLinkId         the link id the ground station puts in the signatures it sends, 0..255
 * @param admission             which system ids become vehicles
 * @param unsigned              how vehicles without a signing key are taken on (refused, claimed, or first address trusted)
 */
public record LinkConfig(String linkName, String bindHost, int port, Duration heartbeatTimeout,
                         Duration streamAckTimeout, int maxDatagramBytes, double peerDatagramsPerSecond,
                         double peerBurstDatagrams, int gcsSystemId, int gcsComponentId, SigningKeys signingKeys,
                         int signingLinkId, SystemAdmission admission, UnsignedLinks unsigned) {

    public static final int DEFAULT_PORT = 14550;

    public LinkConfig {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(unsigned, "unsigned");
        if (signingLinkId < 0 || signingLinkId > 255) {
            throw new IllegalArgumentException("signingLinkId must be 0..255, got " + signingLinkId);
        }
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("heartbeatTimeout must be positive, got " + heartbeatTimeout);
        }
        if (maxDatagramBytes < 280) {
            throw new IllegalArgumentException("maxDatagramBytes must hold one MAVLink 2 frame (280 bytes), got "
                    + maxDatagramBytes);
        }
        if (!(peerDatagramsPerSecond > 0) || !(peerBurstDatagrams >= 1)) {
            throw new IllegalArgumentException("peer rate and burst must be positive");
        }
    }

    /** An unsigned link. */
    public LinkConfig(String linkName, String bindHost, int port, Duration heartbeatTimeout, Duration streamAckTimeout,
                      int maxDatagramBytes, double peerDatagramsPerSecond, double peerBurstDatagrams, int gcsSystemId,
                      int gcsComponentId) {
        this(linkName, bindHost, port, heartbeatTimeout, streamAckTimeout, maxDatagramBytes, peerDatagramsPerSecond,
                peerBurstDatagrams, gcsSystemId, gcsComponentId, SigningKeys.none(), 0, SystemAdmission.ANY,
                UnsignedLinks.FIRST_ADDRESS_TRUSTED);
    }

    /** Defaults: 3 s heartbeat timeout, 1 s ack wait, 2 KiB datagrams, 2,000 datagrams/s per source. */
    public static LinkConfig defaults(String bindHost, int port) {
        return new LinkConfig(Integer.toString(port == 0 ? DEFAULT_PORT : port), bindHost, port, Duration.ofSeconds(3),
                Duration.ofSeconds(1), 2048, 2000, 4000, 255, 190);
    }

    public LinkConfig withLinkName(String name) {
        return new LinkConfig(name, bindHost, port, heartbeatTimeout, streamAckTimeout, maxDatagramBytes,
                peerDatagramsPerSecond, peerBurstDatagrams, gcsSystemId, gcsComponentId, signingKeys, signingLinkId, admission, unsigned);
    }

    public LinkConfig withHeartbeatTimeout(Duration timeout) {
        return new LinkConfig(linkName, bindHost, port, timeout, streamAckTimeout, maxDatagramBytes,
                peerDatagramsPerSecond, peerBurstDatagrams, gcsSystemId, gcsComponentId, signingKeys, signingLinkId, admission, unsigned);
    }

    public LinkConfig withPeerRate(double datagramsPerSecond, double burst) {
        return new LinkConfig(linkName, bindHost, port, heartbeatTimeout, streamAckTimeout, maxDatagramBytes,
                datagramsPerSecond, burst, gcsSystemId, gcsComponentId, signingKeys, signingLinkId, admission, unsigned);
    }

    /** Requires signing from, and signs what is sent to, every system id with a key. */
    public LinkConfig withSigning(SigningKeys keys, int linkId) {
        return new LinkConfig(linkName, bindHost, port, heartbeatTimeout, streamAckTimeout, maxDatagramBytes,
                peerDatagramsPerSecond, peerBurstDatagrams, gcsSystemId, gcsComponentId, keys, linkId, admission, unsigned);
    }

    /** Takes on as vehicles only the system ids {@code a} admits. */
    public LinkConfig withAdmission(SystemAdmission a) {
        return new LinkConfig(linkName, bindHost, port, heartbeatTimeout, streamAckTimeout, maxDatagramBytes,
                peerDatagramsPerSecond, peerBurstDatagrams, gcsSystemId, gcsComponentId, signingKeys, signingLinkId, a, unsigned);
    }

    /** How vehicles without a signing key are taken on. */
    public LinkConfig withUnsigned(UnsignedLinks policy) {
        return new LinkConfig(linkName, bindHost, port, heartbeatTimeout, streamAckTimeout, maxDatagramBytes,
                peerDatagramsPerSecond, peerBurstDatagrams, gcsSystemId, gcsComponentId, signingKeys, signingLinkId, admission,
                policy);
    }
}
