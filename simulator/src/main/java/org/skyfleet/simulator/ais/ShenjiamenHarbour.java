package org.skyfleet.simulator.ais;

import java.util.List;

/**
 * Shenjiamen (沈家门), Zhoushan: one of the world's great fishing ports, watched as a sea gate. A morning's fleet
 * of six boats: four leave a minute apart for grounds east and south-east, trawl, and come home; one is already
 * trawling; and ZHE PU YU 07, trawling near the Xiazhimen approaches, switches its AIS off two seconds in and
 * sails on. The drone base is on the shore near its ground (the harbour police pier), 100 m off, so a check
 * sees it as soon as it is up.
 */
public final class ShenjiamenHarbour {
    /** The port basin, the sea gate's centre. */
    public static final double PORT_LAT_DEG = 29.9440;
    public static final double PORT_LON_DEG = 122.3020;
    /** The harbour police drone pier, 100 m west of where the dark boat trawls. */
    public static final double DRONE_BASE_LAT_DEG = 29.9211;
    public static final double DRONE_BASE_LON_DEG = 122.3531;
    public static final long DARK_BOAT_MMSI = 412440007L;
    private static final double DARK_GROUND_LAT_DEG = 29.9200;
    private static final double DARK_GROUND_LON_DEG = 122.3541;

    private ShenjiamenHarbour() {
    }

    public static List<FishingBoat> boats() {
        return List.of(
                boat(412440001L, "ZHE PU YU 01", "BZPA1", 29.930, 122.360, 0, -1),
                boat(412440002L, "ZHE PU YU 02", "BZPA2", 29.915, 122.345, 60, -1),
                boat(412440003L, "ZHE PU YU 03", "BZPA3", 29.950, 122.380, 120, -1),
                boat(412440004L, "ZHE PU YU 04", "BZPA4", 29.905, 122.330, 180, -1),
                boat(412440005L, "ZHE DAI YU 05", "BZPA5", 29.960, 122.400, -3600, -1),
                // trawling north at 3 knots for a minute already; goes dark at 2 s and keeps trawling
                new FishingBoat(DARK_BOAT_MMSI, "ZHE PU YU 07", "BZPA7", PORT_LAT_DEG, PORT_LON_DEG, DARK_GROUND_LAT_DEG,
                        DARK_GROUND_LON_DEG, -(transitS(DARK_GROUND_LAT_DEG, DARK_GROUND_LON_DEG, 5.0) + 60), 5.0, 1.55, 0, 7200, 2));
    }

    private static double transitS(double groundLat, double groundLon, double speedMps) {
        org.skyfleet.simulator.world.LocalFrame f = new org.skyfleet.simulator.world.LocalFrame(PORT_LAT_DEG, PORT_LON_DEG);
        return Math.hypot(f.eastM(groundLon), f.northM(groundLat)) / speedMps;
    }

    private static FishingBoat boat(long mmsi, String name, String callSign, double groundLat, double groundLon, double departS,
                                    double darkAtS) {
        return new FishingBoat(mmsi, name, callSign, PORT_LAT_DEG, PORT_LON_DEG, groundLat, groundLon, departS, 5.0, 1.5, 45, 1800,
                darkAtS);
    }
}
