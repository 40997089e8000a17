package org.skyfleet.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.cluster.bus.NatsFleetBus;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * Marks another node's vehicle lost when nothing has been heard of it for longer than the link timeout.
 * Its owner judges its link while it lives, and publishes LOST itself; but an owner that died (and no other
 * node hears the vehicle) says nothing more, and without this every other node would go on showing the
 * vehicle connected with its last state. The streams get the LOST state and a LINK_LOST event, once per
 * silence, as the owner would have sent them. Runs every second off the link threads.
 */
final class SilentOwners implements Runnable {
    private final VehicleRegistry registry;
    private final LinkGate gate;
    private final NatsFleetBus bus;
    private final InstantSource clock;
    private final Duration silence;
    /** Vehicles announced lost, until they are heard again; only this runnable's thread touches it. */
    private final Set<String> announced = new HashSet<>();

    /** @param silence the link timeout plus the bus's delivery margin */
    SilentOwners(VehicleRegistry registry, LinkGate gate, NatsFleetBus bus, InstantSource clock, Duration silence) {
        this.registry = registry;
        this.gate = gate;
        this.bus = bus;
        this.clock = clock;
        this.silence = silence;
    }

    @Override
    public void run() {
        Instant cutoff = clock.instant().minus(silence);
        for (VehicleState s : registry.all()) {
            boolean silent = s.status().lastHeartbeat() != null && s.status().lastHeartbeat().isBefore(cutoff)
                    && !gate.holds(s.vehicleId());
            if (!silent) {
                announced.remove(s.vehicleId());
            } else if (s.status().linkState() == LinkState.CONNECTED) {
                bus.deliverAsRemote(s.withStatus(s.status().withLinkState(LinkState.LOST)));
                if (announced.add(s.vehicleId())) {
                    bus.deliverEventAsRemote(new VehicleEvent(s.vehicleId(), EventType.LINK_LOST, EventSeverity.CRITICAL,
                            "nothing heard for " + silence.toSeconds() + " s: the node holding its link is silent",
                            clock.instant(), 0));
                }
            }
        }
    }
}
