package org.skyfleet.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.skyfleet.fleet.vehicle.AttitudeSample;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.cluster.bus.BusMetrics;
import org.skyfleet.cluster.bus.NatsConnect;
import org.skyfleet.cluster.bus.NatsFleetBus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench bus}: how many vehicle states one node hands another over core NATS on this machine.
 * One node publishes V vehicles' states flat out for the window; the other follows every vehicle with one
 * listener that decodes each state it is handed. Published, received and conflated states per second are the
 * bus's own cost, without MAVLink or gRPC.
 */
@Command(name = "bus", mixinStandardHelpOptions = true, description = "States per second from one node to another over NATS.")
public final class BusBench implements Callable<Integer> {
    @Option(names = "--bus", defaultValue = "nats://127.0.0.1:4222", description = "NATS server (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--vehicles", defaultValue = "1000", description = "vehicles whose states are published (default: ${DEFAULT-VALUE})")
    int vehicles;

    @Option(names = "--duration-s", defaultValue = "10", description = "seconds measured (default: ${DEFAULT-VALUE})")
    int durationS;

    @Option(names = "--results", defaultValue = "bench/results/bus.txt",
            description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        BusMetrics sendMetrics = new BusMetrics(new SimpleMeterRegistry());
        BusMetrics receiveMetrics = new BusMetrics(new SimpleMeterRegistry());
        AtomicLong handed = new AtomicLong();
        try (Connection a = NatsConnect.open(url, "bench-pub", sendMetrics);
             Connection b = NatsConnect.open(url, "bench-sub", receiveMetrics);
             NatsFleetBus publisher = new NatsFleetBus(a, sendMetrics, 1024);
             NatsFleetBus follower = new NatsFleetBus(b, receiveMetrics, 1024)) {
            String prefix = "bench-" + Long.toHexString(System.nanoTime()) + "-";
            follower.subscribeStates(s -> {
                if (s.vehicleId().startsWith(prefix)) {
                    handed.incrementAndGet();
                }
            });
            b.flush(Duration.ofSeconds(2));
            VehicleState[] states = new VehicleState[vehicles];
            for (int i = 0; i < vehicles; i++) {
                states[i] = state(prefix + i, i);
            }
            long published = 0;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(durationS).toNanos();
            while (System.nanoTime() < end) {
                for (VehicleState s : states) {
                    publisher.publishState(s);
                }
                published += vehicles;
            }
            a.flush(Duration.ofSeconds(10));
            double s = (System.nanoTime() - start) / 1e9;
            Thread.sleep(500);  // the last states on their way
            String line = String.format("%s %d vehicles, %d s: published %.0f states/s (%.2f us each), received %.0f/s, "
                            + "handed to the listener %.0f/s, conflated %.0f/s, dropped by the publisher %.0f, slow-consumer warnings %.0f",
                    Instant.now(), vehicles, durationS, published / s, s * 1e6 / published, receiveMetrics.statesReceived() / s,
                    handed.get() / s, receiveMetrics.statesConflated() / s, sendMetrics.outgoingDiscarded(),
                    receiveMetrics.slowConsumerWarnings());
            System.out.println(line);
            if (results.getParent() != null) {
                Files.createDirectories(results.getParent());
            }
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }

    private static VehicleState state(String id, int i) {
        Instant at = Instant.now();
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, i % 254 + 1, "10.0.0.1:14550"),
                new FlightStatus(LinkState.CONNECTED, at, true, "MISSION", SystemStatus.ACTIVE, LandedState.IN_AIR),
                new PositionSample(51.5 + i * 1e-4, -0.12, 150, 80, 5, 0, 0, 90, at), new AttitudeSample(1, 2, 90, at),
                new BatterySample(80, 15.8, 12, at), null, null, null, 1);
    }
}
