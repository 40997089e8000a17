package org.skyfleet.telemetry.command;

import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.PositionTargetTypemask;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.skyfleet.fleet.command.PositionTargets;

/**
 * {@link PositionTargets} over a MAVLink link: one SET_POSITION_TARGET_GLOBAL_INT (86) per target, to the vehicle's
 * autopilot (component 1), in MAV_FRAME_GLOBAL_RELATIVE_ALT_INT with latitude and longitude in degrees x 10^7 and
 * the altitude above home in metres. The type mask uses the position only (velocity, acceleration, yaw and yaw rate
 * ignored: bits 3-8, 10 and 11, 0x0DF8), the "go there" form ArduPilot Rover takes in GUIDED. The message has no
 * acknowledgement: the stage completes when the datagram was handed to the link.
 */
public final class MavlinkPositionTargets implements PositionTargets {
    /** POSITION_TARGET_TYPEMASK: ignore vx, vy, vz, afx, afy, afz, yaw, yaw rate; use lat, lon, alt. */
    public static final int POSITION_ONLY = 0x0DF8;

    private final VehicleLink link;

    public MavlinkPositionTargets(VehicleLink link) {
        this.link = link;
    }

    @Override
    public CompletionStage<Boolean> send(String vehicleId, double latDeg, double lonDeg, double altRelM) {
        CompletableFuture<Boolean> sent = new CompletableFuture<>();
        try {
            link.eventLoop().execute(() -> {
                int systemId = link.systemIdOf(vehicleId);
                if (systemId < 0 || link.pendingClaimOf(vehicleId) != null) {
                    sent.complete(false);
                    return;
                }
                sent.complete(link.send(vehicleId, payload(systemId, latDeg, lonDeg, altRelM)));
            });
        } catch (RejectedExecutionException e) {
            sent.complete(false);
        }
        return sent;
    }

    /** The message for one target; degrees become degrees x 10^7 here, and nowhere else. */
    static SetPositionTargetGlobalInt payload(int targetSystem, double latDeg, double lonDeg, double altRelM) {
        return SetPositionTargetGlobalInt.builder()
                .targetSystem(targetSystem).targetComponent(Px4CommandMapping.TARGET_AUTOPILOT_COMPONENT)
                .coordinateFrame(EnumValue.create(MavFrame.class, MavCommand.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT))
                .typeMask(EnumValue.create(PositionTargetTypemask.class, POSITION_ONLY))
                .latInt((int) Math.round(latDeg * 1e7)).lonInt((int) Math.round(lonDeg * 1e7)).alt((float) altRelM)
                .build();
    }
}
