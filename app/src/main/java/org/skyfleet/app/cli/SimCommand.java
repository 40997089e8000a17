package org.skyfleet.app.cli;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.GrpcSightingReporter;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.ground.GroundUnits;
import org.skyfleet.simulator.ground.OfficerApp;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.sensor.DetectionSink;
import org.skyfleet.simulator.sensor.LogFileDetectionSink;
import org.skyfleet.simulator.wire.VehicleWire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet sim}: runs a scenario's simulated vehicles against any MAVLink ground station over UDP,
 * as a vehicle fleet would (the simulator's capacity is measured by {@code skyfleet bench simulator}).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run a simulation scenario against a ground station (MAVLink 2 over UDP).")
final class SimCommand implements Callable<Integer> {
    @Option(names = "--scenario", description = "scenario JSON file (see simulator/README.md)")
    Path scenario;

    @Option(names = "--target", defaultValue = "127.0.0.1:14550",
            description = "ground station's MAVLink UDP address host:port (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--gcs", split = ",", paramLabel = "HOST:PORT",
            description = "stream to several ground stations (or control-plane nodes) at once from one socket, as PX4 can; "
                    + "commands are taken from any of them. Replaces --target, e.g. --gcs 127.0.0.1:14550,127.0.0.2:14550")
    List<String> gcs;

    @Option(names = "--grpc", description = "control plane's gRPC address host:port: the scenario's ground units run their "
            + "dispatch apps against it and the drones' sightings are reported to its SightingService")
    String grpc;

    @Option(names = "--grpc-token", description = "bearer token the apps and sighting reports send (default: none)")
    String grpcToken;

    @Option(names = "--time-scale", description = "simulated seconds per wall second, overrides the scenario's")
    Double timeScale;

    @Option(names = "--seed", description = "seed, overrides the scenario's")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (scenario == null) {
            System.err.println("--scenario FILE is required");
            return 2;
        }
        List<InetSocketAddress> targets = new ArrayList<>();
        for (String t : gcs == null || gcs.isEmpty() ? List.of(target) : gcs) {
            int colon = t.lastIndexOf(':');
            if (colon <= 0) {
                System.err.println("a ground station must be host:port, e.g. 127.0.0.1:14550, got '" + t + "'");
                return 2;
            }
            targets.add(new InetSocketAddress(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1))));
        }
        Scenario s = Scenario.load(scenario);
        if (timeScale != null) {
            s = s.withTimeScale(timeScale);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (grpc != null) {
            return runWithControlPlane(s, targets);
        }
        Simulation sim = Simulation.start(s, targets);
        describe(s, sim, targets);
        awaitEnd(s, sim, () -> { });
        return 0;
    }

    /** The scenario with its ground units' apps and its drones' sightings talking to the control plane's gRPC API. */
    private int runWithControlPlane(Scenario s, List<InetSocketAddress> targets) throws InterruptedException {
        ManagedChannel channel = Grpc.newChannelBuilder(grpc, InsecureChannelCredentials.create()).build();
        GrpcSightingReporter reporter = new GrpcSightingReporter(channel, VehicleIds.mavlink(s, targets.get(0).getPort()),
                GrpcSightingReporter.Options.defaults().withBearerToken(grpcToken));
        DetectionSink log = s.detectionLog() != null ? new LogFileDetectionSink(Path.of(s.detectionLog())) : DetectionSink.discard();
        DetectionSink sink = r -> {
            log.report(r);
            reporter.report(r);
        };
        Simulation sim = Simulation.start(s, targets, sink);
        GroundUnits units = GroundUnits.start(sim, channel, OfficerApp.Options.defaults().withBearerToken(grpcToken));
        describe(s, sim, targets);
        System.out.printf("Control plane %s: %d ground units' apps, sightings to SightingService%n", grpc, units.apps().size());
        for (OfficerApp app : units.apps()) {
            System.out.printf("  %-10s %-16s %s%n", app.unit().id(), app.unit().spec().type(), app.unit().spec().callsign());
        }
        awaitEnd(s, sim, () -> {
            units.close();
            reporter.close();
            log.close();
            channel.shutdownNow();
            System.out.printf("Sightings: %d reported, %d accepted, %d dropped, %d failed%n", reporter.reports().size(),
                    reporter.accepted(), reporter.dropped(), reporter.failed());
        });
        return 0;
    }

    private static void describe(Scenario s, Simulation sim, List<InetSocketAddress> targets) {
        System.out.printf("Scenario %s: %d vehicles -> %s, time scale %.1f, seed %d%s%n", s.name(), sim.vehicles().size(),
                targets.size() == 1 ? targets.get(0) : targets, s.timeScale(), s.seed(), s.durationS() > 0 ? ", " + s.durationS() + " s simulated" : "");
        for (VehicleWire w : sim.vehicles()) {
            System.out.printf("  %-10s system id %3d  %s %s  from udp %s%n", w.vehicle().name(), w.vehicle().systemId(),
                    w.vehicle().flavour(), w.vehicle().kind(), w.localAddress());
        }
        if (s.detectionLog() != null) {
            System.out.println("Sightings -> " + s.detectionLog());
        }
    }

    /** Runs until the scenario's duration is out or the process is interrupted, then closes it all. */
    private static void awaitEnd(Scenario s, Simulation sim, Runnable then) throws InterruptedException {
        AtomicBoolean closed = new AtomicBoolean();
        Runnable alsoClose = () -> {
            if (closed.compareAndSet(false, true)) {
                then.run();
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            alsoClose.run();
            stopped.countDown();
        }, "skyfleet-sim-shutdown"));
        while (!sim.finished()) {
            if (stopped.await(200, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        System.out.printf("Scenario %s finished after %.0f simulated seconds%n", s.name(), sim.nowMs() / 1000.0);
        sim.close();
        alsoClose.run();
    }
}
