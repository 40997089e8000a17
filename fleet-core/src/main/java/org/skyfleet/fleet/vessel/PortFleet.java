package org.skyfleet.fleet.vessel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The port's own fleet by MMSI: immutable, replaced whole when the register is imported again. */
public final class PortFleet {
    private static final PortFleet EMPTY = new PortFleet(Map.of());

    private final Map<Long, PortFleetEntry> byMmsi;

    private PortFleet(Map<Long, PortFleetEntry> byMmsi) {
        this.byMmsi = byMmsi;
    }

    public static PortFleet empty() {
        return EMPTY;
    }

    /** @throws IllegalArgumentException if an MMSI is registered twice */
    public static PortFleet of(List<PortFleetEntry> entries) {
        return new PortFleet(Map.copyOf(entries.stream().collect(Collectors.toMap(PortFleetEntry::mmsi, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("MMSI " + a.mmsi() + " registered twice");
                }))));
    }

    /** The entry of {@code mmsi}, or null if it is not one of the port's vessels. */
    public PortFleetEntry get(long mmsi) {
        return byMmsi.get(mmsi);
    }

    public Collection<PortFleetEntry> entries() {
        return byMmsi.values();
    }

    public int size() {
        return byMmsi.size();
    }
}
