package org.skyfleet.telemetry.link;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gets a vehicle sending the streams the control plane needs, on the link's thread: SET_MESSAGE_INTERVAL
 * first ({@link StreamRequests}); REQUEST_DATA_STREAM when the autopilot answers that it does not know the
 * command, or acknowledges none of them within the timeout. The step reached is kept on the
 * {@link VehicleBinding}.
 */
final class StreamNegotiation {
    private final LinkSender sender;
    private final Duration ackTimeout;

    StreamNegotiation(LinkSender sender, Duration ackTimeout) {
        this.sender = sender;
        this.ackTimeout = ackTimeout;
    }

    /** Asks for the message intervals: on discovery, and again when a lost vehicle comes back (a reboot forgets them). */
    void request(VehicleBinding binding, Instant now) {
        binding.streamSetup = VehicleBinding.StreamSetup.INTERVALS_REQUESTED;
        binding.streamRequestedAt = now;
        List<Object> requests = new java.util.ArrayList<>(StreamRequests.setMessageIntervals(binding.systemId));
        requests.addAll(StreamRequests.requestIdentity(binding.systemId));
        sender.sendAll(binding, requests);
    }

    void onAck(VehicleBinding binding, CommandAck ack) {
        if (ack.command().entry() != MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL
                || binding.streamSetup != VehicleBinding.StreamSetup.INTERVALS_REQUESTED) {
            return;
        }
        if (ack.result().entry() == MavResult.MAV_RESULT_ACCEPTED) {
            binding.streamSetup = VehicleBinding.StreamSetup.INTERVALS_ACCEPTED;
        } else if (ack.result().entry() == MavResult.MAV_RESULT_UNSUPPORTED) {
            // The autopilot predates SET_MESSAGE_INTERVAL: no need to wait out the timeout.
            fallBackToDataStreams(binding);
        }
    }

    /** Falls back once no interval was acknowledged within the timeout. */
    void checkTimeout(VehicleBinding binding, Instant now) {
        if (binding.streamSetup == VehicleBinding.StreamSetup.INTERVALS_REQUESTED
                && !now.isBefore(binding.streamRequestedAt.plus(ackTimeout))) {
            fallBackToDataStreams(binding);
        }
    }

    private void fallBackToDataStreams(VehicleBinding binding) {
        binding.streamSetup = VehicleBinding.StreamSetup.DATA_STREAMS_REQUESTED;
        sender.sendAll(binding, StreamRequests.requestDataStreams(binding.systemId));
    }
}
