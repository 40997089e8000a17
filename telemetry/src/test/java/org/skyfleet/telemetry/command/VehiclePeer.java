package org.skyfleet.telemetry.command;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/** The vehicle's side of a test link: gets what the ground station sent, answers through its outbox. */
public interface VehiclePeer {

    void onFrame(MavlinkFrame fromGround, Outbox out);

    /** How a vehicle answers and keeps its own timers. */
    interface Outbox {
        void send(Object payload);

        ScheduledFuture<?> schedule(Runnable task, Duration delay);
    }
}
