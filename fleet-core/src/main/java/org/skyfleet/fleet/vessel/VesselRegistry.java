package org.skyfleet.fleet.vessel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every vessel heard, by MMSI. A report changes one vessel atomically (several AIS readers may report at
 * once, each vessel's change is whole) and then tells the listeners the vessel as it now is. Bounded: a new
 * MMSI beyond {@code maxVessels} is refused and counted (AIS spoofing can invent MMSIs without end), and
 * vessels silent for long are forgotten by {@link #forgetSilentSince}.
 */
public final class VesselRegistry {
    private final Map<Long, Vessel> vessels = new ConcurrentHashMap<>();
    private final List<Consumer<Vessel>> listeners = new CopyOnWriteArrayList<>();
    private final int maxVessels;
    private final AtomicLong refused = new AtomicLong();
    private volatile PortFleet fleet = PortFleet.empty();

    public VesselRegistry(int maxVessels) {
        if (maxVessels < 1) {
            throw new IllegalArgumentException("maxVessels must be >= 1, got " + maxVessels);
        }
        this.maxVessels = maxVessels;
    }

    /** Called after every change with the vessel as it now is, on the reporting thread: must not block. */
    public AutoCloseable subscribe(Consumer<Vessel> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * A position report. NaN and -1 mean "not available" and leave nothing unknown behind them: a report
     * without a position updates the last-heard time and status only.
     */
    public void reportPosition(long mmsi, int navStatus, double latDeg, double lonDeg, double speedMps, double courseDeg,
                               int headingDeg, Instant at) {
        boolean hasPosition = !Double.isNaN(latDeg) && !Double.isNaN(lonDeg);
        change(mmsi, at, v -> new Vessel(mmsi, v.name(), v.callSign(), v.shipType(), v.imo(), v.destination(),
                hasPosition ? latDeg : v.latDeg(), hasPosition ? lonDeg : v.lonDeg(), speedMps, courseDeg, headingDeg,
                navStatus == Vessel.NAV_STATUS_NOT_DEFINED ? v.navStatus() : navStatus,
                hasPosition ? at : v.positionTime(), at, v.fleet(), v.version() + 1));
    }

    /** Static data; null, -1 and 0 leave what is known. */
    public void reportStatic(long mmsi, String name, String callSign, int shipType, long imo, String destination, Instant at) {
        change(mmsi, at, v -> new Vessel(mmsi, name == null || name.isEmpty() ? v.name() : name,
                callSign == null || callSign.isEmpty() ? v.callSign() : callSign, shipType < 0 ? v.shipType() : shipType,
                imo == 0 ? v.imo() : imo, destination == null || destination.isEmpty() ? v.destination() : destination,
                v.latDeg(), v.lonDeg(), v.speedMps(), v.courseDeg(), v.headingDeg(), v.navStatus(), v.positionTime(), at,
                v.fleet(), v.version() + 1));
    }

    private void change(long mmsi, Instant at, java.util.function.UnaryOperator<Vessel> update) {
        if (!vessels.containsKey(mmsi) && vessels.size() >= maxVessels) {
            refused.incrementAndGet();
            return;
        }
        Vessel now = vessels.compute(mmsi, (k, v) -> update.apply(v == null ? Vessel.unknown(mmsi, fleet.get(mmsi), at) : v));
        for (Consumer<Vessel> l : listeners) {
            l.accept(now);
        }
    }

    /** Replaces the port's fleet register; vessels already heard take on (or lose) their entry. */
    public void setPortFleet(PortFleet register) {
        this.fleet = register;
        for (Vessel v : vessels.values()) {
            PortFleetEntry e = register.get(v.mmsi());
            if (e != v.fleet()) {
                Vessel now = vessels.computeIfPresent(v.mmsi(), (k, old) -> new Vessel(old.mmsi(),
                        old.name().isEmpty() && e != null ? e.name() : old.name(), old.callSign(), old.shipType(), old.imo(),
                        old.destination(), old.latDeg(), old.lonDeg(), old.speedMps(), old.courseDeg(), old.headingDeg(),
                        old.navStatus(), old.positionTime(), old.lastHeard(), e, old.version() + 1));
                if (now != null) {
                    listeners.forEach(l -> l.accept(now));
                }
            }
        }
    }

    public PortFleet portFleet() {
        return fleet;
    }

    /** Forgets vessels not heard since {@code cutoff}; returns how many. */
    public int forgetSilentSince(Instant cutoff) {
        int before = vessels.size();
        vessels.values().removeIf(v -> v.lastHeard().isBefore(cutoff));
        return before - vessels.size();
    }

    public Vessel get(long mmsi) {
        return vessels.get(mmsi);
    }

    public Collection<Vessel> all() {
        return vessels.values();
    }

    public int size() {
        return vessels.size();
    }

    /** New MMSIs refused because the registry was full. */
    public long refusedCount() {
        return refused.get();
    }
}
