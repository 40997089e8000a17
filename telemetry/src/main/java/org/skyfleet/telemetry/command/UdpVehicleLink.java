package org.skyfleet.telemetry.command;

import io.netty.channel.EventLoop;
import java.util.List;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.link.MavlinkUdpLink;

/** {@link VehicleLink} over a {@link MavlinkUdpLink}. */
final class UdpVehicleLink implements VehicleLink {
    private final MavlinkUdpLink link;

    UdpVehicleLink(MavlinkUdpLink link) {
        this.link = link;
    }

    @Override
    public EventLoop eventLoop() {
        return link.eventLoop();
    }

    @Override
    public void addObserver(FrameObserver observer) {
        link.addObserver(observer);
    }

    @Override
    public void onClose(Runnable action) {
        link.closeFuture().addListener(f -> action.run());
    }

    @Override
    public int systemIdOf(String vehicleId) {
        return link.systemIdOf(vehicleId);
    }

    @Override
    public String pendingClaimOf(String vehicleId) {
        return link.pendingClaimOf(vehicleId);
    }

    @Override
    public boolean send(String vehicleId, Object payload) {
        if (link.systemIdOf(vehicleId) < 0) {
            return false;
        }
        // Already on the link's thread: the link queues the write behind this task, in order.
        link.send(vehicleId, List.of(payload));
        return true;
    }

    @Override
    public int gcsSystemId() {
        return link.config().gcsSystemId();
    }

    @Override
    public int gcsComponentId() {
        return link.config().gcsComponentId();
    }
}
