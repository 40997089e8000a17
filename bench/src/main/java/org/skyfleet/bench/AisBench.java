package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.proto.v1.StreamVesselsRequest;
import org.skyfleet.proto.v1.StreamVesselsResponse;
import org.skyfleet.proto.v1.Vessel;
import org.skyfleet.proto.v1.VesselServiceGrpc;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.vessel.SeaGateConfig;
import org.skyfleet.simulator.ais.AisSentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench ais}: the sea gate at port scale on one node. N vessels each send a class A position
 * report every 10 s (spread evenly, one AIVDM sentence a datagram, as a receiver forwards them) to a real server's
 * AIS UDP port; one {@code StreamVessels} subscriber over gRPC takes every update. Each report carries a course that
 * names it (a tenth of a degree, counted up per vessel), so the subscriber knows which report an update shows and
 * how long it took from the datagram's send to the stream: ingest-to-stream latency. The first 10-s round (every
 * vessel new, and the stream's snapshot) is warm-up and not counted.
 */
@Command(name = "ais", mixinStandardHelpOptions = true, description = "AIS ingest to VesselService stream: reports/s and p99 latency.")
public final class AisBench implements Callable<Integer> {
    private static final long FIRST_MMSI = 412_000_000L;
    private static final double REPORT_INTERVAL_S = 10;

    @Option(names = "--vessels", defaultValue = "5000", description = "vessels reporting (default: ${DEFAULT-VALUE})")
    int vessels;

    @Option(names = "--duration-s", defaultValue = "60", description = "seconds measured after a 10-s warm-up (default: ${DEFAULT-VALUE})")
    int durationS;

    @Option(names = "--results", defaultValue = "bench/results/ais.txt", description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        AtomicLongArray sentAtNanos = new AtomicLongArray(vessels);
        AtomicLongArray sentCourse = new AtomicLongArray(vessels); // tenths of a degree
        Histogram latencyUs = new Histogram(60_000_000L, 3);
        AtomicLong received = new AtomicLong();
        AtomicLong matched = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        long[] measureFrom = {Long.MAX_VALUE};
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), new InMemoryStore(),
                InstantSource.system(), null, SeaGateConfig.ephemeral())) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            Metadata who = new Metadata();
            who.put(Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER), "bench");
            who.put(Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER), "commander");
            VesselServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(who))
                    .streamVessels(StreamVesselsRequest.getDefaultInstance(), new StreamObserver<>() {
                        @Override
                        public void onNext(StreamVesselsResponse r) {
                            long now = System.nanoTime();
                            skipped.addAndGet(r.getSkippedUpdates());
                            for (Vessel v : r.getVesselsList()) {
                                received.incrementAndGet();
                                int i = (int) (v.getMmsi() - FIRST_MMSI);
                                if (i < 0 || i >= vessels || !v.hasCourseOverGroundDeg()) {
                                    continue;
                                }
                                long course = Math.round(v.getCourseOverGroundDeg() * 10);
                                long sent = sentAtNanos.get(i);
                                if (course == sentCourse.get(i) && sent >= measureFrom[0]) {
                                    synchronized (latencyUs) {
                                        latencyUs.recordValue(Math.min(latencyUs.getHighestTrackableValue(), (now - sent) / 1000));
                                    }
                                    matched.incrementAndGet();
                                }
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            System.err.println("stream ended: " + t);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
            InetSocketAddress ais = server.seaGate().aisUdpAddress();
            long sent = 0;
            long start = System.nanoTime();
            long intervalNanos = (long) (REPORT_INTERVAL_S * 1e9);
            long warmUpEnd = start + intervalNanos;
            long end = warmUpEnd + durationS * 1_000_000_000L;
            measureFrom[0] = warmUpEnd;
            try (DatagramSocket socket = new DatagramSocket()) {
                long round = 0;
                sending:
                while (true) {
                    for (int i = 0; i < vessels; i++) {
                        // vessel i reports at its own offset in each 10-s round
                        long due = start + round * intervalNanos + intervalNanos * i / vessels;
                        if (due >= end) {
                            break sending;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 200_000) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        long course = (round * 7 + i) % 3600;
                        String line = AisSentenceEncoder.positionReport(FIRST_MMSI + i, 7, 29.5 + (i % 100) * 0.01,
                                122.0 + (i / 100) * 0.01, 2.0, course / 10.0, (int) (course / 10), (int) (round % 60)) + "\r\n";
                        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
                        sentCourse.set(i, course);
                        sentAtNanos.set(i, System.nanoTime());
                        socket.send(new DatagramPacket(b, b.length, ais));
                        sent++;
                    }
                    round++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000); // the last updates on their way
            channel.shutdownNow();
            long measuredSent = sent - Math.min(sent, vessels); // after the warm-up round
            Histogram h;
            synchronized (latencyUs) {
                h = latencyUs.copy();
            }
            String line = String.format(Locale.ROOT, "%s %d vessels at one report per %.0f s, %d s measured: sent %.0f reports/s, "
                            + "sentences dropped %d, streamed %.0f updates/s, latency ingest-to-stream p50 %.1f ms, p99 %.1f ms, "
                            + "p99.9 %.1f ms, max %.1f ms over %d reports (%.1f %% of those sent after warm-up), conflated %d; "
                            + "vessels known %d; %d cores",
                    Instant.now(), vessels, REPORT_INTERVAL_S, durationS, sent / seconds, server.seaGate().aisMetrics().droppedCount(),
                    received.get() / seconds, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount(),
                    100.0 * h.getTotalCount() / Math.max(1, measuredSent), skipped.get(), server.seaGate().registry().size(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(line);
            if (results.getParent() != null) {
                Files.createDirectories(results.getParent());
            }
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return h.getValueAtPercentile(99) < 1_000_000 ? 0 : 1;
        }
    }
}
