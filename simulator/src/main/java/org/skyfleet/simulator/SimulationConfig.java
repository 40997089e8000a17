package org.skyfleet.simulator;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fleet to simulate around a home point.
 *
 * @param target          the ground station's MAVLink UDP address
 * @param homeLatDeg      WGS84 latitude of home, degrees
 * @param homeLonDeg      WGS84 longitude of home, degrees
 * @param homeAltAmslM    home altitude above mean sea level, metres
 * @param drones          PX4 multicopters, flying circles around home
 * @param robots          ArduPilot (legacy streams) ground rovers, driving rectangles around home
 * @param firstSystemId   MAVLink system id of the first vehicle; the others follow, 1..254
 * @param positionRateHz  GLOBAL_POSITION_INT and ATTITUDE rate until the ground station asks otherwise
 * @param seed            seed of every random choice (paths, phases, GPS noise)
 * @param signingKeys     MAVLink 2 signing keys (32 bytes) by system id: those vehicles sign every frame and drop
 *                        what is not signed with their key; the others speak unsigned
 */
public record SimulationConfig(InetSocketAddress target, double homeLatDeg, double homeLonDeg, double homeAltAmslM,
                               int drones, int robots, int firstSystemId, double positionRateHz, long seed,
                               Map<Integer, byte[]> signingKeys) {
    public SimulationConfig {
        Objects.requireNonNull(target, "target");
        if (drones < 0 || robots < 0) {
            throw new IllegalArgumentException("vehicle counts must be >= 0");
        }
        if (firstSystemId < 1 || firstSystemId + drones + robots - 1 > 254) {
            throw new IllegalArgumentException("system ids " + firstSystemId + ".." + (firstSystemId + drones + robots - 1)
                    + " do not fit in 1..254: one MAVLink link carries at most 254 vehicles");
        }
        signingKeys = signingKeys == null ? Map.of() : Map.copyOf(signingKeys);
        for (Map.Entry<Integer, byte[]> k : signingKeys.entrySet()) {
            if (k.getValue().length != 32) {
                throw new IllegalArgumentException("the signing key of system " + k.getKey() + " must be 32 bytes");
            }
        }
        if (!(positionRateHz > 0 && positionRateHz <= 100)) {
            throw new IllegalArgumentException("positionRateHz must be in (0, 100], got " + positionRateHz);
        }
    }

    public static SimulationConfig around(InetSocketAddress target, double homeLatDeg, double homeLonDeg,
                                          int drones, int robots, long seed) {
        return new SimulationConfig(target, homeLatDeg, homeLonDeg, 100, drones, robots, 1, 5, seed, Map.of());
    }

    /** The same fleet, the vehicles with a key in {@code keys} (system id to 32 bytes) signing their links. */
    public SimulationConfig withSigningKeys(Map<Integer, byte[]> keys) {
        return new SimulationConfig(target, homeLatDeg, homeLonDeg, homeAltAmslM, drones, robots, firstSystemId,
                positionRateHz, seed, new HashMap<>(keys));
    }

    /** The system ids of the fleet, in order: drones first, then robots. */
    public java.util.List<Integer> systemIds() {
        return java.util.stream.IntStream.range(firstSystemId, firstSystemId + drones + robots).boxed().toList();
    }
}
