package org.skyfleet.simulator.ais;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.wire.VehicleWire;

/**
 * Simulated vessels riding on a running simulation's clock: their transponders send AIVDM to the control
 * plane's AIS port, and the simulation's drones see them (AIS on or off) and report boat sightings. Closing it
 * stops both.
 */
public final class SeaGateFleet implements AutoCloseable {
    /** A class A vessel under way reports every 2-10 s; 10 s is the sea gate's design load. */
    public static final double REPORT_INTERVAL_S = 10;
    /** A drone's camera picks out a boat this far off, horizontally. */
    public static final double SPOT_RANGE_M = 150;

    private final VesselTransmitter transmitter;
    private final BoatSpotter spotter;
    private final AutoCloseable listener;

    private SeaGateFleet(VesselTransmitter transmitter, BoatSpotter spotter, AutoCloseable listener) {
        this.transmitter = transmitter;
        this.spotter = spotter;
        this.listener = listener;
    }

    /**
     * Starts the boats on {@code sim}'s clock.
     *
     * @param aisReceiver the control plane's AIS UDP address
     * @param spotter     reports the drones' boat sightings; null for none
     */
    public static SeaGateFleet start(Simulation sim, List<FishingBoat> boats, InetSocketAddress aisReceiver, BoatSpotter spotter) {
        VesselTransmitter tx = new VesselTransmitter(boats, aisReceiver, REPORT_INTERVAL_S);
        Runnable step = () -> {
            double tS = sim.nowMs() / 1000.0;
            tx.step(tS);
            if (spotter != null) {
                spotter.look(tS, sim.epochMs(), sim.vehicles().stream().map(VehicleWire::vehicle).toList());
            }
        };
        return new SeaGateFleet(tx, spotter, sim.afterEveryStep(step));
    }

    /** The server's ids of {@code sim}'s drones on its link named {@code linkName}: {@code mav-<link>-<system id>}. */
    public static Function<SimVehicle, String> mavlinkIds(String linkName) {
        return v -> "mav-" + linkName + "-" + v.systemId();
    }

    public long sentencesSent() {
        return transmitter.sentencesSent();
    }

    public long sightingsReported() {
        return spotter == null ? 0 : spotter.reports();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        transmitter.close();
    }
}
