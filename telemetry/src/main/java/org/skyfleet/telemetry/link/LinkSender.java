package org.skyfleet.telemetry.link;

import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkSignature;

/**
 * What the ground station sends on one link, on the link's thread: frames to a bound vehicle's address,
 * signed with its key when it has one, and the ground station's own heartbeat to every vehicle (PX4 and
 * ArduPilot run their data-link-loss failsafe on it).
 */
final class LinkSender {
    private final LinkConfig config;
    private final InstantSource clock;
    private final MavlinkEncoder encoder;
    private Channel channel;
    /** The last signing timestamp sent on this link: each one is after the one before. */
    private long lastSigningTimestamp;

    LinkSender(LinkConfig config, InstantSource clock, MavlinkEncoder encoder) {
        this.config = config;
        this.clock = clock;
        this.encoder = encoder;
    }

    /** The channel to send on, once the link is active; nothing is sent before. */
    void attach(Channel channel) {
        this.channel = channel;
    }

    /** Sends to the vehicle's confirmed address; nothing while a claim on it is pending or it has none. */
    void sendAll(VehicleBinding binding, List<Object> payloads) {
        if (channel == null || !binding.sendable()) {
            return;
        }
        for (Object p : payloads) {
            channel.write(new DatagramPacket(Unpooled.wrappedBuffer(encode(binding, p)), binding.peer));
        }
        channel.flush();
    }

    /** The ground station's heartbeat to each bound vehicle; one unsigned frame serves every unsigned vehicle. */
    void sendGcsHeartbeats(Collection<VehicleBinding> bindings) {
        if (bindings.isEmpty()) {
            return;
        }
        Heartbeat heartbeat = Heartbeat.builder().type(MavType.MAV_TYPE_GCS)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID).baseMode()
                .customMode(0).systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build();
        byte[] unsigned = null;
        for (VehicleBinding b : bindings) {
            if (b.peer == null) {
                continue;  // only a claimed address so far: nothing goes there until it is confirmed
            }
            byte[] frame;
            if (config.signingKeys().requiresSigning(b.systemId)) {
                frame = encode(b, heartbeat);
            } else {
                if (unsigned == null) {
                    unsigned = encoder.encode(heartbeat);
                }
                frame = unsigned;
            }
            channel.write(new DatagramPacket(Unpooled.wrappedBuffer(frame), b.peer));
        }
        channel.flush();
    }

    /** One frame for the vehicle: signed with its key when it has one, at a timestamp after the last sent. */
    private byte[] encode(VehicleBinding binding, Object payload) {
        byte[] key = config.signingKeys().keyFor(binding.systemId);
        if (key == null) {
            return encoder.encode(payload);
        }
        lastSigningTimestamp = Math.max(MavlinkSignature.timestampOf(clock.instant()), lastSigningTimestamp + 1);
        return encoder.encodeSigned(payload, config.signingLinkId(), lastSigningTimestamp, key);
    }
}
