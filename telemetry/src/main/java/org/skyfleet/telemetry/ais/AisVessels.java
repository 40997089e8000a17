package org.skyfleet.telemetry.ais;

import java.time.InstantSource;
import java.util.function.Consumer;
import org.skyfleet.fleet.vessel.VesselRegistry;

/** Applies decoded AIS messages to the vessel registry, stamped with when they were received. */
public final class AisVessels implements Consumer<AisMessage> {
    private final VesselRegistry registry;
    private final InstantSource clock;

    public AisVessels(VesselRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void accept(AisMessage message) {
        if (message instanceof AisPositionReport p) {
            registry.reportPosition(p.mmsi(), p.navStatus(), p.latDeg(), p.lonDeg(), p.speedMps(), p.courseDeg(),
                    p.headingDeg(), clock.instant());
        } else if (message instanceof AisStaticReport s) {
            registry.reportStatic(s.mmsi(), s.name(), s.callSign(), s.shipType(), s.imo(), s.destination(), clock.instant());
        }
    }
}
