package org.skyfleet.server.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.bench.CapacityBench;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.wire.VehicleWire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet sim}: runs a scenario's simulated vehicles against any MAVLink ground station over UDP,
 * or measures how many vehicles one simulator process drives ({@code --bench}).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run a simulation scenario against a ground station (MAVLink 2 over UDP), or the simulator capacity benchmark.")
final class SimCommand implements Callable<Integer> {
    @Option(names = "--scenario", description = "scenario JSON file (see simulator/README.md)")
    Path scenario;

    @Option(names = "--target", defaultValue = "127.0.0.1:14550",
            description = "ground station's MAVLink UDP address host:port (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--time-scale", description = "simulated seconds per wall second, overrides the scenario's")
    Double timeScale;

    @Option(names = "--seed", description = "seed, overrides the scenario's")
    Long seed;

    @Option(names = "--bench", description = "measure how many vehicles this process drives at 10 Hz telemetry")
    boolean bench;

    @Option(names = "--bench-vehicles", defaultValue = "100,250,500,1000,1500",
            description = "fleet sizes to measure (default: ${DEFAULT-VALUE})")
    String benchVehicles;

    @Option(names = "--bench-seconds", defaultValue = "10", description = "seconds measured per size (default: ${DEFAULT-VALUE})")
    int benchSeconds;

    @Option(names = "--bench-out", defaultValue = "bench/results/simulator-capacity.txt",
            description = "where the benchmark table is written (default: ${DEFAULT-VALUE})")
    Path benchOut;

    @Override
    public Integer call() throws Exception {
        if (bench) {
            CapacityBench.run(CapacityBench.parseSizes(benchVehicles), benchSeconds, benchOut, System.out);
            return 0;
        }
        if (scenario == null) {
            System.err.println("--scenario FILE is required (or --bench)");
            return 2;
        }
        int colon = target.lastIndexOf(':');
        if (colon <= 0) {
            System.err.println("--target must be host:port, e.g. 127.0.0.1:14550");
            return 2;
        }
        InetSocketAddress address = new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        Scenario s = Scenario.load(scenario);
        if (timeScale != null) {
            s = s.withTimeScale(timeScale);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        Simulation sim = Simulation.start(s, address);
        System.out.printf("Scenario %s: %d vehicles -> %s, time scale %.1f, seed %d%s%n", s.name(), sim.vehicles().size(),
                address, s.timeScale(), s.seed(), s.durationS() > 0 ? ", " + s.durationS() + " s simulated" : "");
        for (VehicleWire w : sim.vehicles()) {
            System.out.printf("  %-10s system id %3d  %s %s  from udp %s%n", w.vehicle().name(), w.vehicle().systemId(),
                    w.vehicle().flavour(), w.vehicle().kind(), w.localAddress());
        }
        if (s.detectionLog() != null) {
            System.out.println("Sightings -> " + s.detectionLog());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "skyfleet-sim-shutdown"));
        while (!sim.finished()) {
            if (stopped.await(200, TimeUnit.MILLISECONDS)) {
                return 0;
            }
        }
        System.out.printf("Scenario %s finished after %.0f simulated seconds%n", s.name(), sim.nowMs() / 1000.0);
        sim.close();
        return 0;
    }
}
