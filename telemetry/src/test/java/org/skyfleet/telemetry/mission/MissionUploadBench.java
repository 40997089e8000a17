package org.skyfleet.telemetry.mission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.bus.InProcessFleetBus;
import org.skyfleet.telemetry.command.FakeCommandVehicle;
import org.skyfleet.telemetry.command.UdpVehicle;
import org.skyfleet.telemetry.command.VehicleLink;
import org.skyfleet.telemetry.link.IngestMetrics;
import org.skyfleet.telemetry.link.LinkConfig;
import org.skyfleet.telemetry.link.MavlinkUdpLink;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * How long a 200-item mission upload takes over real UDP on 127.0.0.1 when the vehicle's side of the wire adds
 * 50 ms each way and loses 10% of datagrams each way (seeded), with the default {@link TransferConfig} on the
 * ground and a PX4-like vehicle that re-requests after 250 ms. Each run uploads, then downloads and checks the
 * content hash. Writes bench/results/mission-upload.txt (relative to the working directory).
 *
 * <p>Run from the repository root (the jars are the telemetry module's runtime dependencies in ~/.m2):
 * <pre>
 * mvn -B -ntp -o -q -pl fleet-core,telemetry install -DskipTests
 * R=~/.m2/repository
 * CP=telemetry/target/test-classes:telemetry/target/classes:fleet-core/target/classes
 * CP=$CP:$(find $R/io/netty -name '*-4.2.18.Final.jar' | tr '\n' :)
 * CP=$CP:$R/io/dronefleet/mavlink/mavlink/1.1.11/mavlink-1.1.11.jar
 * CP=$CP:$R/io/dronefleet/mavlink/mavlink-protocol/1.1.11/mavlink-protocol-1.1.11.jar
 * CP=$CP:$R/io/micrometer/micrometer-core/1.17.2/micrometer-core-1.17.2.jar
 * CP=$CP:$R/io/micrometer/micrometer-commons/1.17.2/micrometer-commons-1.17.2.jar
 * CP=$CP:$R/io/micrometer/micrometer-observation/1.17.2/micrometer-observation-1.17.2.jar
 * CP=$CP:$R/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar
 * java -cp "$CP" org.skyfleet.telemetry.mission.MissionUploadBench [runs=3] [items=200] [latencyMs=50] [loss=0.10]
 * </pre>
 */
public final class MissionUploadBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        double loss = args.length > 3 ? Double.parseDouble(args[3]) : 0.10;
        List<MissionItem> plan = TestPlans.survey(items);
        List<String> lines = new ArrayList<>();
        double[] seconds = new double[runs];
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            for (int run = 0; run < runs; run++) {
                RunResult r = runOnce(group, plan, latencyMs, loss, 1000L + run);
                seconds[run] = r.uploadSeconds;
                String line = String.format(Locale.ROOT, "run %d: upload %.2f s (%s, retransmissions %d, tolerated nacks %d),"
                        + " download %.2f s, datagrams dropped %d, hash match %b", run + 1, r.uploadSeconds,
                        r.upload.status(), r.upload.retransmissions(), r.upload.toleratedNacks(), r.downloadSeconds,
                        r.dropped, r.hashMatch);
                System.out.println(line);
                lines.add(line);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        String summary = String.format(Locale.ROOT, "%d-item upload, %d ms one-way latency, %.0f%% loss each way: "
                + "median %.2f s, min %.2f s, max %.2f s over %d runs (ideal without loss: %.1f s)", items, latencyMs,
                loss * 100, sorted[runs / 2], sorted[0], sorted[runs - 1], runs, (items + 1) * 2 * latencyMs / 1000.0);
        System.out.println(summary);
        write(summary, lines, runs, items, latencyMs, loss);
    }

    private record RunResult(double uploadSeconds, double downloadSeconds, TransferOutcome upload, int dropped,
                             boolean hashMatch) {
    }

    private static RunResult runOnce(EventLoopGroup group, List<MissionItem> plan, int latencyMs, double loss, long seed)
            throws Exception {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        try (MavlinkUdpLink link = MavlinkUdpLink.bind(LinkConfig.defaults("127.0.0.1", 0).withLinkName("bench"), group,
                registry, InstantSource.system(), new IngestMetrics(new SimpleMeterRegistry()))) {
            CompletableFuture<String> bound = new CompletableFuture<>();
            link.addObserver((String id, MavlinkFrame f) -> bound.complete(id));
            try (UdpVehicle vehicle = UdpVehicle.start(group, link.localAddress(), 1, Duration.ofMillis(latencyMs), loss,
                    seed, new FakeCommandVehicle(), new FakeMissionVehicle())) {
                String vehicleId = bound.get(5, TimeUnit.SECONDS);
                MavlinkMissionTransfer transfer = new MavlinkMissionTransfer(VehicleLink.of(link), TransferConfig.defaults());
                long t0 = System.nanoTime();
                TransferOutcome up = transfer.upload(vehicleId, MissionType.MISSION, plan).toCompletableFuture()
                        .get(10, TimeUnit.MINUTES);
                long t1 = System.nanoTime();
                TransferOutcome down = transfer.download(vehicleId, MissionType.MISSION).toCompletableFuture()
                        .get(10, TimeUnit.MINUTES);
                long t2 = System.nanoTime();
                boolean match = MissionContentHash.of(MissionType.MISSION, down.items())
                        .equals(MissionContentHash.of(MissionType.MISSION, plan));
                return new RunResult((t1 - t0) / 1e9, (t2 - t1) / 1e9, up, vehicle.dropped(), match);
            }
        }
    }

    private static void write(String summary, List<String> lines, int runs, int items, int latencyMs, double loss)
            throws IOException {
        Path out = Path.of("bench", "results", "mission-upload.txt");
        Files.createDirectories(out.getParent());
        List<String> text = new ArrayList<>();
        text.add("# MissionUploadBench " + Instant.now() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        text.add("# real UDP on 127.0.0.1, MavlinkUdpLink + MavlinkMissionTransfer (TransferConfig.defaults(): 1.5 s openings, 500 ms items, 5 retries)");
        text.add("# vehicle: FakeMissionVehicle (PX4-like, re-requests after 250 ms); latency and loss added on the vehicle side");
        text.add("# java -cp \"$CP\" org.skyfleet.telemetry.mission.MissionUploadBench " + runs + " " + items + " "
                + latencyMs + " " + loss + "   (CP as in the class's javadoc)");
        text.add(summary);
        text.addAll(lines);
        Files.write(out, text);
    }
}
