package org.skyfleet.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.skyfleet.telemetry.link.SigningKeys;

/**
 * Signing keys for a simulated fleet, for tests that start a server requiring tokens (and so signing): the
 * same keys go to the server ({@link #server()}) and the simulation ({@link #vehicles()}).
 */
public record FleetSigningKeys(Map<Integer, byte[]> vehicles) {

    /** A key for each system id 1..count, from a seeded generator. */
    public static FleetSigningKeys forSystems(int count, long seed) {
        Random random = new Random(seed);
        Map<Integer, byte[]> keys = new HashMap<>();
        for (int id = 1; id <= count; id++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.put(id, key);
        }
        return new FleetSigningKeys(Map.copyOf(keys));
    }

    public SigningKeys server() {
        return SigningKeys.of(vehicles);
    }
}
