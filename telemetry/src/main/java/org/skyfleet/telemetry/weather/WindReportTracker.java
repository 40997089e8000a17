package org.skyfleet.telemetry.weather;

import io.dronefleet.mavlink.ardupilotmega.Wind;
import io.dronefleet.mavlink.common.WindCov;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.weather.MeasuredWind;
import org.skyfleet.fleet.weather.WindMeasurements;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * Each vehicle's latest wind as its telemetry gives it: WIND_COV (#231, PX4: wind_x north and wind_y east in m/s,
 * the velocity the air moves with, NaN when the estimator has none) or ArduPilot's WIND (#168: the direction it
 * comes from in degrees, the speed in m/s). A report without a finite horizontal wind is ignored. Written on the
 * link's thread, read from any.
 */
public final class WindReportTracker implements FrameObserver, WindMeasurements {
    private final InstantSource clock;
    private final Map<String, MeasuredWind> byVehicle = new ConcurrentHashMap<>();

    public WindReportTracker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        MeasuredWind w = decode(vehicleId, frame.payload());
        if (w != null) {
            byVehicle.put(vehicleId, w);
        }
    }

    @Override
    public Optional<MeasuredWind> latest(String vehicleId) {
        return Optional.ofNullable(byVehicle.get(vehicleId));
    }

    /** The wind in a payload, or null when it is not a wind report or carries no horizontal wind. */
    MeasuredWind decode(String vehicleId, Object payload) {
        if (payload instanceof WindCov w && Float.isFinite(w.windX()) && Float.isFinite(w.windY())) {
            double speed = Math.hypot(w.windX(), w.windY());
            // it moves towards (north, east); it comes from the opposite way
            double from = speed == 0 ? 0 : Math.toDegrees(Math.atan2(-w.windY(), -w.windX()));
            return new MeasuredWind(vehicleId, speed, Math.floorMod(Math.round(from * 1000), 360_000) / 1000.0, clock.instant());
        }
        if (payload instanceof Wind w && Float.isFinite(w.speed()) && w.speed() >= 0 && Float.isFinite(w.direction())) {
            return new MeasuredWind(vehicleId, w.speed(), Math.floorMod(Math.round(w.direction() * 1000), 360_000) / 1000.0,
                    clock.instant());
        }
        return null;
    }
}
