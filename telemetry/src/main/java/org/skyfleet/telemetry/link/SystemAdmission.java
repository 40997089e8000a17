package org.skyfleet.telemetry.link;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which MAVLink system ids a link takes on as vehicles: any that sends a vehicle heartbeat (a demo, a
 * lab), or only those registered beforehand (an operational fleet: a stranger's drone, or a spoofer
 * with an unused id, is not put on the map). Frames from others are dropped and counted.
 *
 * @param registered the system ids admitted when {@code any} is false
 */
public record SystemAdmission(boolean any, Set<Integer> registered) {
    public static final SystemAdmission ANY = new SystemAdmission(true, Set.of());

    public SystemAdmission {
        registered = Set.copyOf(registered);
        for (int id : registered) {
            if (id < 1 || id > 255) {
                throw new IllegalArgumentException("system ids are 1..255, got " + id);
            }
        }
    }

    public static SystemAdmission only(Set<Integer> systemIds) {
        return new SystemAdmission(false, systemIds);
    }

    public boolean admits(int systemId) {
        return any || registered.contains(systemId);
    }

    @Override
    public String toString() {
        return any ? "any system id" : "system ids " + new TreeSet<>(registered);
    }
}
