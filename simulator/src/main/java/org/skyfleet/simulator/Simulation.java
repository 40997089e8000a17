package org.skyfleet.simulator;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.skyfleet.simulator.clock.RealTimePacer;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.ground.SimulatedUnit;
import org.skyfleet.simulator.link.Transport;
import org.skyfleet.simulator.link.UdpNetwork;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.sensor.Camera;
import org.skyfleet.simulator.sensor.DetectionSink;
import org.skyfleet.simulator.sensor.LogFileDetectionSink;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.simulator.world.Wind;
import org.skyfleet.simulator.world.people.Target;

/**
 * A simulated fleet in its world, advanced in fixed 10 ms steps of one simulated clock: each step moves
 * the wind, the people and the police ground units, lets every vehicle read what its ground station sent, fly and send the
 * telemetry that is due, and lets every camera look.
 *
 * <p>Two ways to drive it: {@code start(...)} opens a real UDP socket per vehicle and runs on its own
 * thread, in real time or {@code timeScale} times faster; {@link #manual} takes the transports from the
 * caller (an in-memory link in tests) and only moves when {@link #advance} is called, which makes a run
 * fully deterministic for its seed.
 */
public final class Simulation implements AutoCloseable {
    /** The wall-clock start of a manually driven run: 2026-01-01T00:00:00Z. */
    public static final long MANUAL_EPOCH_MS = 1_767_225_600_000L;

    private final SimClock clock;
    private final List<VehicleWire> wires;
    private final Map<String, VehicleWire> byName = new LinkedHashMap<>();
    private final World world;
    private final FaultSchedule faults;
    private final DetectionSink sink;
    private final boolean ownsSink;
    private final long durationMs;
    private final List<Runnable> stepListeners = new CopyOnWriteArrayList<>();
    private UdpNetwork network;
    private RealTimePacer pacer;

    private Simulation(SimClock clock, FleetAssembly.Fleet fleet, DetectionSink sink, boolean ownsSink, long durationMs) {
        this.clock = clock;
        this.wires = fleet.wires();
        this.world = fleet.world();
        wires.forEach(w -> byName.put(w.vehicle().name(), w));
        this.faults = new FaultSchedule(fleet.faults(), byName);
        this.sink = sink;
        this.ownsSink = ownsSink;
        this.durationMs = durationMs;
    }

    /** The default fleet (drones and robots already on patrol loops) in real time over UDP. */
    public static Simulation start(SimulationConfig config) {
        return start(config, List.of(config.target()));
    }

    /** The default fleet streaming to each of {@code targets} (several nodes) from one socket per vehicle. */
    public static Simulation start(SimulationConfig config, List<InetSocketAddress> targets) {
        SimClock clock = new SimClock(InstantSource.system().millis());
        UdpNetwork network = new UdpNetwork();
        FleetAssembly.Fleet fleet = FleetAssembly.of(config, clock, name -> network.open(targets));
        Simulation sim = new Simulation(clock, fleet, DetectionSink.discard(), false, 0);
        sim.runRealTime(network, 1.0);
        return sim;
    }

    /**
     * Runs a scenario against the ground station at {@code target} over UDP, at the scenario's time
     * scale; sightings go to the scenario's detection log (or nowhere if it names none).
     */
    public static Simulation start(Scenario scenario, InetSocketAddress target) {
        return start(scenario, List.of(target));
    }

    /** As {@link #start(Scenario, InetSocketAddress)}, every vehicle streaming to each of {@code targets}. */
    public static Simulation start(Scenario scenario, List<InetSocketAddress> targets) {
        boolean log = scenario.detectionLog() != null;
        DetectionSink sink = log ? new LogFileDetectionSink(Path.of(scenario.detectionLog())) : DetectionSink.discard();
        return start(scenario, targets, sink, log, InstantSource.system());
    }

    /** Runs a scenario over UDP, sending sightings to {@code sink} (which the caller closes). */
    public static Simulation start(Scenario scenario, InetSocketAddress target, DetectionSink sink) {
        return start(scenario, target, sink, false, InstantSource.system());
    }

    /**
     * Runs a scenario over UDP with sightings to {@code sink}, stamping simulated wall-clock time from
     * {@code wallClock}'s reading at the start (signing timestamps, sighting times).
     */
    public static Simulation start(Scenario scenario, InetSocketAddress target, DetectionSink sink, InstantSource wallClock) {
        return start(scenario, target, sink, false, wallClock);
    }

    /**
     * Runs a scenario over UDP with every vehicle streaming to each of {@code targets} (several ground
     * stations, or several control-plane nodes) from one socket, sightings to {@code sink} (which the caller closes).
     */
    public static Simulation start(Scenario scenario, List<InetSocketAddress> targets, DetectionSink sink) {
        return start(scenario, targets, sink, false, InstantSource.system());
    }

    private static Simulation start(Scenario scenario, InetSocketAddress target, DetectionSink sink, boolean ownsSink,
                                    InstantSource wallClock) {
        return start(scenario, List.of(target), sink, ownsSink, wallClock);
    }

    private static Simulation start(Scenario scenario, List<InetSocketAddress> targets, DetectionSink sink, boolean ownsSink,
                                    InstantSource wallClock) {
        SimClock clock = new SimClock(wallClock.millis());
        UdpNetwork network = new UdpNetwork();
        FleetAssembly.Fleet fleet = FleetAssembly.of(scenario, clock, name -> network.open(targets));
        Simulation sim = new Simulation(clock, fleet, sink, ownsSink, Math.round(scenario.durationS() * 1000));
        sim.runRealTime(network, scenario.timeScale());
        return sim;
    }

    /**
     * A scenario driven by the caller: nothing moves until {@link #advance}; each vehicle talks through
     * {@code transportFor.apply(vehicleName)}. Same scenario, same seed, same exchanges: same run.
     */
    public static Simulation manual(Scenario scenario, Function<String, Transport> transportFor, DetectionSink sink) {
        SimClock clock = new SimClock(MANUAL_EPOCH_MS);
        FleetAssembly.Fleet fleet = FleetAssembly.of(scenario, clock, transportFor);
        return new Simulation(clock, fleet, sink, false, Math.round(scenario.durationS() * 1000));
    }

    private void runRealTime(UdpNetwork net, double timeScale) {
        this.network = net;
        this.pacer = new RealTimePacer(timeScale, System::nanoTime, this::step, "skyfleet-sim");
        pacer.start();
    }

    /** Advances a manually driven simulation by {@code d} (rounded down to whole 10 ms steps). */
    public void advance(Duration d) {
        if (pacer != null) {
            throw new IllegalStateException("this simulation runs in real time; it cannot be advanced by hand");
        }
        long steps = d.toMillis() / SimClock.STEP_MS;
        for (long i = 0; i < steps; i++) {
            step();
        }
    }

    private void step() {
        clock.step();
        if (network != null) {
            network.pollReady();
        }
        double dtS = SimClock.STEP_MS / 1000.0;
        faults.apply(clock.nowMs());
        world.wind().step(dtS);
        for (Target t : world.targets()) {
            t.step(dtS);
        }
        for (SimulatedUnit u : world.units()) {
            u.step(dtS);
        }
        for (VehicleWire w : wires) {
            w.step(dtS, world.wind().eastMps(), world.wind().northMps());
        }
        for (Camera c : world.cameras()) {
            c.look(clock, world.targets(), world.canopyCover(), world.night(), sink);
        }
        for (Runnable listener : stepListeners) {
            listener.run();
        }
    }

    /**
     * Runs {@code listener} on the simulation thread after every step (the ground units' apps use it to
     * keep their simulated-time schedules). It must not block. Closing the returned handle removes it.
     */
    public AutoCloseable afterEveryStep(Runnable listener) {
        stepListeners.add(listener);
        return () -> stepListeners.remove(listener);
    }

    /** Simulated milliseconds since the start. */
    public long nowMs() {
        return clock.nowMs();
    }

    /** Simulated wall-clock time, epoch milliseconds: what the simulation stamps on what it sends. */
    public long epochMs() {
        return clock.epochMs();
    }

    /** True once a scenario with a duration has run it out. */
    public boolean finished() {
        return durationMs > 0 && clock.nowMs() >= durationMs;
    }

    public List<VehicleWire> vehicles() {
        return wires;
    }

    /** The wire of the named vehicle ("drone-1", "robot-2"). */
    public VehicleWire vehicle(String name) {
        VehicleWire w = byName.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no simulated vehicle named " + name);
        }
        return w;
    }

    /** The people in the world. Read them on the simulation thread ({@link #onSimulationThread}). */
    public List<Target> targets() {
        return world.targets();
    }

    /** The drones' cameras the scenario names (read-only; their looks run on the simulation thread). */
    public List<Camera> cameras() {
        return world.cameras();
    }

    /** The police ground units, in scenario order. */
    public List<SimulatedUnit> units() {
        return world.units();
    }

    /** The ground unit with this id ("officer-1"). */
    public SimulatedUnit unit(String id) {
        return world.units().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ground unit called " + id));
    }

    /** Cuts or restores a vehicle's radio link, on the simulation thread. */
    public void setLinkUp(String name, boolean up) {
        VehicleWire w = vehicle(name);
        onSimulationThread(() -> w.setLinkUp(up));
    }

    /**
     * Someone swaps the named vehicle's pack (an officer by hand, or its dock told to): a full pack is in once the
     * vehicle has stood still, on the ground and disarmed, for its dock's swap time ({@code swapTimeS} without a
     * dock). The vehicle goes on reporting the old pack until then.
     */
    public void swapBattery(String name, double swapTimeS) {
        VehicleWire w = vehicle(name);
        onSimulationThread(() -> w.requestSwap(swapTimeS));
    }

    /** Runs {@code task} between two steps: at once for a manual simulation. */
    public void onSimulationThread(Runnable task) {
        if (pacer == null) {
            task.run();
        } else {
            pacer.execute(task);
        }
    }

    /** The real-time pacer's measurements, or null for a manual simulation. */
    public RealTimePacer pacer() {
        return pacer;
    }

    @Override
    public void close() {
        if (pacer != null) {
            pacer.close();
        }
        wires.forEach(VehicleWire::close);
        if (network != null) {
            network.close();
        }
        if (ownsSink) {
            sink.close();
        }
    }
}
