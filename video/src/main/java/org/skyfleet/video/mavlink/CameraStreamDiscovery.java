package org.skyfleet.video.mavlink;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.VideoStreamInformation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.telemetry.command.VehicleLink;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;
import org.skyfleet.video.VideoStreams;

/**
 * Asks each vehicle on a link for its video streams, as QGroundControl asks a camera: MAV_CMD_REQUEST_MESSAGE
 * (512) for VIDEO_STREAM_INFORMATION (269), addressed to all of the vehicle's components (a PX4 camera is
 * its own component, 100; an autopilot that drives a camera answers for it). Asked on the vehicle's first
 * heartbeat and every {@link #ASK_EVERY_HEARTBEATS}th after until a stream is named, at most {@link #MAX_ASKS}
 * times: a vehicle without a camera denies the request and is not asked for ever. A named URI is handed to
 * {@code found} once per change, off the link's thread.
 */
public final class CameraStreamDiscovery implements FrameObserver {
    static final int VIDEO_STREAM_INFORMATION = 269;
    static final int ASK_EVERY_HEARTBEATS = 5;
    static final int MAX_ASKS = 5;
    private static final int ALL_COMPONENTS = 0;

    private final VehicleLink link;
    private final BiConsumer<String, String> found;
    private final Executor off;
    // event loop only
    private final Map<String, Integer> heartbeats = new HashMap<>();
    private final Map<String, String> uris = new HashMap<>();

    /**
     * @param found told (vehicle id, stream URI) on {@code off}
     */
    public CameraStreamDiscovery(VehicleLink link, BiConsumer<String, String> found, Executor off) {
        this.link = link;
        this.found = found;
        this.off = off;
        link.addObserver(this);
    }

    /** Pulls what a vehicle announces (unless an operator chose its stream) and journals it as the system's doing. */
    public static BiConsumer<String, String> registerIn(VideoStreams streams, AuditJournal audit) {
        return (vehicleId, uri) -> {
            if (streams.discovered(vehicleId, uri)) {
                audit.append("system", "video stream discovered", vehicleId, uri + " (MAVLink VIDEO_STREAM_INFORMATION)", "ok");
            }
        };
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        if (frame.payload() instanceof VideoStreamInformation v) {
            String uri = v.uri() == null ? "" : v.uri().strip();
            if (!uri.isEmpty() && !uri.equals(uris.get(vehicleId))) {
                uris.put(vehicleId, uri);
                off.execute(() -> found.accept(vehicleId, uri));
            }
            return;
        }
        if (!(frame.payload() instanceof Heartbeat) || frame.componentId() != 1 || uris.containsKey(vehicleId)) {
            return;
        }
        int n = heartbeats.merge(vehicleId, 1, Integer::sum);
        if ((n - 1) % ASK_EVERY_HEARTBEATS == 0 && (n - 1) / ASK_EVERY_HEARTBEATS < MAX_ASKS && link.pendingClaimOf(vehicleId) == null) {
            link.send(vehicleId, CommandLong.builder().targetSystem(link.systemIdOf(vehicleId)).targetComponent(ALL_COMPONENTS)
                    .command(MavCmd.MAV_CMD_REQUEST_MESSAGE).confirmation(0).param1(VIDEO_STREAM_INFORMATION).param2(0).build());
        }
    }
}
