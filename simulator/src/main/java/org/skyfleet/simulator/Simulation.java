package org.skyfleet.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.LoopPath;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.SimVehicleKind;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * Runs a simulated fleet in real time on one thread: every tick it moves each vehicle, answers what the
 * ground station sent, and sends whatever telemetry is due.
 */
public final class Simulation implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Simulation.class.getName());
    private static final long TICK_MS = 10;

    private final List<VehicleWire> wires;
    private final Selector selector;
    private final ScheduledExecutorService thread;
    private final long startNanos = System.nanoTime();
    private long lastTickNanos = startNanos;

    private Simulation(List<VehicleWire> wires, Selector selector) {
        this.wires = wires;
        this.selector = selector;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyfleet-sim");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens every vehicle's socket and starts the simulation thread. */
    public static Simulation start(SimulationConfig config) {
        Selector selector;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(config.seed());
        LocalFrame frame = new LocalFrame(config.homeLatDeg(), config.homeLonDeg());
        List<VehicleWire> wires = new ArrayList<>();
        int systemId = config.firstSystemId();
        for (int i = 0; i < config.drones(); i++) {
            double angle = 2 * Math.PI * i / Math.max(1, config.drones());
            double offsetM = 300 + 200 * random.nextDouble();
            LoopPath path = LoopPath.circle(offsetM * Math.sin(angle), offsetM * Math.cos(angle),
                    120 + 180 * random.nextDouble());
            SimVehicle v = new SimVehicle("drone-" + (i + 1), systemId++, SimVehicleKind.MULTICOPTER,
                    AutopilotFlavour.PX4, frame, path, 8 + 6 * random.nextDouble(), 60 + 10 * i,
                    config.homeAltAmslM(), 1500 + 600 * random.nextDouble(), 1000 * random.nextDouble(),
                    random.nextLong());
            wires.add(new VehicleWire(v, config.target(), selector, config.positionRateHz()));
        }
        for (int i = 0; i < config.robots(); i++) {
            double w = 150 + 100 * random.nextDouble();
            double h = 100 + 100 * random.nextDouble();
            LoopPath path = LoopPath.rectangle(-w / 2 + 40 * i, -h / 2 - 40 * i, w, h);
            SimVehicle v = new SimVehicle("robot-" + (i + 1), systemId++, SimVehicleKind.GROUND_ROVER,
                    AutopilotFlavour.ARDUPILOT_LEGACY, frame, path, 1.5 + random.nextDouble(), 0,
                    config.homeAltAmslM(), 4 * 3600, 500 * random.nextDouble(), random.nextLong());
            wires.add(new VehicleWire(v, config.target(), selector, config.positionRateHz()));
        }
        Simulation sim = new Simulation(Collections.unmodifiableList(wires), selector);
        sim.thread.scheduleAtFixedRate(sim::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return sim;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            double dtS = (now - lastTickNanos) / 1e9;
            lastTickNanos = now;
            long bootMs = (now - startNanos) / 1_000_000;
            if (selector.selectNow() > 0) {
                for (SelectionKey key : selector.selectedKeys()) {
                    ((VehicleWire) key.attachment()).receive();
                }
                selector.selectedKeys().clear();
            }
            for (VehicleWire w : wires) {
                w.vehicle().advance(dtS);
                w.sendDue(bootMs);
            }
        } catch (RuntimeException | IOException e) {
            // One bad tick must not stop the fleet.
            LOG.log(Level.WARNING, "simulation tick failed", e);
        }
    }

    public List<VehicleWire> vehicles() {
        return wires;
    }

    /** The wire of the named vehicle ("drone-1", "robot-2"). */
    public VehicleWire vehicle(String name) {
        return wires.stream().filter(w -> w.vehicle().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated vehicle named " + name));
    }

    /** Cuts or restores a vehicle's radio link, on the simulation thread. */
    public void setLinkUp(String name, boolean up) {
        VehicleWire w = vehicle(name);
        thread.execute(() -> w.setLinkUp(up));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (VehicleWire w : wires) {
            try {
                w.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
