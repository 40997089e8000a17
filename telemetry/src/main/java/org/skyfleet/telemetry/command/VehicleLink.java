package org.skyfleet.telemetry.command;

import io.netty.channel.EventLoop;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.link.MavlinkUdpLink;

/**
 * What the protocols layered on a MAVLink link (commands, mission transfer) need of it. Every method but
 * {@link #eventLoop()}, {@link #addObserver} and {@link #onClose} must be called on the event loop; observers and
 * close actions are called there.
 */
public interface VehicleLink {

    /** The one thread the link's vehicles are read, written and timed on. */
    EventLoop eventLoop();

    /** Sees every valid frame from a bound vehicle, on the event loop. */
    void addObserver(FrameObserver observer);

    /** Runs the action on the event loop once the link has closed, so that nothing waits on it for ever. */
    void onClose(Runnable action);

    /** The vehicle's MAVLink system id, or -1 if it is not bound to this link. Event loop only. */
    int systemIdOf(String vehicleId);

    /**
     * The address a link claim on the vehicle is pending from, or null: while one is, nothing may be sent to it.
     * Event loop only.
     */
    default String pendingClaimOf(String vehicleId) {
        return null;
    }

    /** Sends one payload to the vehicle; false if it is not bound to this link. Event loop only. */
    boolean send(String vehicleId, Object payload);

    /** The ground station's own system id, which a vehicle puts in the target fields of its answers. */
    int gcsSystemId();

    /** The ground station's own component id. */
    int gcsComponentId();

    /** The UDP link as a {@code VehicleLink}. */
    static VehicleLink of(MavlinkUdpLink link) {
        return new UdpVehicleLink(link);
    }
}
