package org.skyfleet.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.fanout.EventFanout;
import org.skyfleet.telemetry.fanout.StateFanout;

/** Vehicles by link state and live subscribers, computed when scraped. */
public final class FleetGauges {
    private FleetGauges() {
    }

    public static void register(MeterRegistry meters, VehicleRegistry vehicles, StateFanout<?> states,
                                EventFanout<?> events) {
        for (LinkState s : LinkState.values()) {
            Gauge.builder("skyfleet.vehicles", vehicles, v -> v.count(s)).tag("link_state", s.name().toLowerCase())
                    .description("known vehicles by link state").register(meters);
        }
        Gauge.builder("skyfleet.subscribers", states, StateFanout::subscriberCount).tag("stream", "states")
                .description("live subscribers").register(meters);
        Gauge.builder("skyfleet.subscribers", events, EventFanout::subscriberCount).tag("stream", "events")
                .description("live subscribers").register(meters);
    }
}
