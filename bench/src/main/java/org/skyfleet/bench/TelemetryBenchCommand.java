package org.skyfleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skyfleet bench telemetry}: V vehicles at R Hz into one server with S gRPC subscribers. */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = "Telemetry load: datagrams/s decoded, updates/s delivered, latency p50/p99, CPU and heap.")
public final class TelemetryBenchCommand implements Callable<Integer> {
    @Option(names = "--vehicles", split = ",", defaultValue = "1000",
            description = "vehicle counts to run, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> vehicles;

    @Option(names = "--rate-hz", defaultValue = "10", description = "position rate per vehicle (default: ${DEFAULT-VALUE})")
    double rateHz;

    @Option(names = "--subscribers", defaultValue = "10", description = "gRPC subscribers (default: ${DEFAULT-VALUE})")
    int subscribers;

    @Option(names = "--warmup-s", defaultValue = "5", description = "seconds before measuring (default: ${DEFAULT-VALUE})")
    int warmupS;

    @Option(names = "--duration-s", defaultValue = "15", description = "seconds measured (default: ${DEFAULT-VALUE})")
    int durationS;

    @Option(names = "--nodes", defaultValue = "1",
            description = "control-plane nodes sharing the fleet over --bus, the vehicles' links dealt out between them and "
                    + "the subscribers spread over them (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--bus", description = "NATS with JetStream the nodes share (default: nats://127.0.0.1:4222 with --nodes > 1; "
            + "none with one node unless given, to measure one node publishing on the bus)")
    String bus;

    @Option(names = "--saturate", description = "also measure flat-out ingest against a bare UDP receiver")
    boolean saturate;

    @Option(names = "--results", defaultValue = "bench/results/telemetry.txt",
            description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# skyfleet bench telemetry ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, java ")
                .append(System.getProperty("java.version"))
                .append(natsUrl() != null ? ", " + nodes + " node(s) in this process sharing the fleet over " + natsUrl() : "")
                .append('\n');
        out.append(TelemetryBenchResult.header()).append('\n');
        System.out.print(out);
        for (int v : vehicles) {
            TelemetryBenchResult r = TelemetryBench.run(v, rateHz, subscribers, Duration.ofSeconds(warmupS),
                    Duration.ofSeconds(durationS), nodes, natsUrl());
            System.out.println(r.row());
            out.append(r.row()).append('\n');
        }
        if (saturate) {
            int v = vehicles.get(vehicles.size() - 1);
            double[] s = TelemetryBench.saturation(v, subscribers, Duration.ofSeconds(Math.min(durationS, 10)));
            String line = String.format("saturation (%d vehicles, flat-out sender, %d subscribers): bare receiver %.0f datagrams/s, "
                    + "server decoded %.0f frames/s, ratio %.2f", v, subscribers, s[0], s[1], s[1] / s[0]);
            System.out.println(line);
            out.append(line).append('\n');
        }
        append(out.toString());
        System.out.println("appended to " + results.toAbsolutePath());
        return 0;
    }

    private String natsUrl() {
        return bus != null ? bus : nodes > 1 ? "nats://127.0.0.1:4222" : null;
    }

    private void append(String text) throws IOException {
        if (results.getParent() != null) {
            Files.createDirectories(results.getParent());
        }
        Files.writeString(results, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
