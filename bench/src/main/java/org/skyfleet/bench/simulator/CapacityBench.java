package org.skyfleet.bench.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.skyfleet.simulator.autopilot.FailsafeConfig;
import org.skyfleet.simulator.clock.RealTimePacer;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.link.UdpNetwork;
import org.skyfleet.simulator.vehicle.LoopPath;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.VehicleSpec;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * The simulator's capacity: for each fleet size, PX4 drones flying patrol loops, each on its own UDP
 * socket streaming GLOBAL_POSITION_INT and ATTITUDE at 10 Hz with the rest of PX4's default set, into a
 * bare UDP sink socket drained by a thread in the same process, paced in real time. Reported per size:
 * simulated seconds per wall second, the lag of the simulation behind real time at each 10 ms wake-up
 * (p50/p99/max, wall ms), steps dropped, and the datagram
 * rate achieved at the sink against the rate the vehicles' schedules ask for. A size keeps its schedule
 * when the clock ratio is at least 0.99, p99 lateness at most {@link #MAX_P99_LATE_MS} (half the period of
 * a 10 Hz stream), and the sink gets at least 99% of the requested rate. The machine is shared, so the
 * report records the load average it ran under.
 */
public final class CapacityBench {
    private static final double POSITION_RATE_HZ = 10;
    /** Half the 100 ms period of a 10 Hz stream: a message this late still falls within its own period. */
    public static final long MAX_P99_LATE_MS = 50;

    /** One fleet size's measurement. */
    public record Result(int vehicles, double clockRatio, long p50LateMs, long p99LateMs, long maxLateMs, long droppedSteps,
                         double requestedPerS, double achievedPerS, double simThreadBusy) {
        public boolean keepsSchedule() {
            return clockRatio >= 0.99 && p99LateMs <= MAX_P99_LATE_MS && achievedPerS >= 0.99 * requestedPerS;
        }

        String row() {
            return String.format("%8d  %6.3f  %4d  %4d  %5d  %7d  %10.0f  %10.0f  %5.1f%%  %5.0f%%  %s", vehicles, clockRatio,
                    p50LateMs, p99LateMs, maxLateMs, droppedSteps, requestedPerS, achievedPerS, 100 * achievedPerS / requestedPerS,
                    100 * simThreadBusy, keepsSchedule() ? "yes" : "NO");
        }
    }

    private CapacityBench() {
    }

    /** Args: comma-separated fleet sizes (default 100,250,500,1000,1500), seconds per size (default 10), output file. */
    public static void main(String[] args) {
        List<Integer> sizes = args.length > 0 ? parseSizes(args[0]) : List.of(100, 250, 500, 1000, 1500);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path out = args.length > 2 ? Path.of(args[2]) : Path.of("bench", "results", "simulator-capacity.txt");
        run(sizes, seconds, out, System.out);
    }

    public static List<Integer> parseSizes(String csv) {
        List<Integer> sizes = new ArrayList<>();
        for (String s : csv.split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        return sizes;
    }

    /** Measures every size, prints the table and writes it to {@code out}. */
    public static List<Result> run(List<Integer> sizes, int secondsPerSize, Path out, PrintStream console) {
        String header = String.format("%8s  %6s  %4s  %4s  %5s  %7s  %10s  %10s  %6s  %6s  %s", "vehicles", "sim/s", "p50", "p99",
                "max", "dropped", "asked/s", "sink/s", "got", "busy", "keeps");
        StringBuilder report = new StringBuilder();
        report.append("# simulator capacity: PX4 drones on patrol, 10 Hz GLOBAL_POSITION_INT + ATTITUDE and PX4's default set,\n")
                .append("# one UDP socket each, into a bare UDP sink in the same process; real-time pacing, 10 ms steps.\n")
                .append("# lag: wall ms the simulation trails real time at each 10 ms wake-up (telemetry due then leaves that late); ").append(secondsPerSize)
                .append(" s measured per size after 3 s warm-up;\n# busy = CPU time of the simulation thread / wall time.\n# ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.vm.name"))
                .append(' ').append(System.getProperty("java.version")).append(", load average before: ").append(loadAverage()).append('\n').append(header).append('\n');
        console.println(header);
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            Result r = measure(n, secondsPerSize);
            results.add(r);
            console.println(r.row());
            report.append(r.row()).append('\n');
        }
        int best = results.stream().filter(Result::keepsSchedule).mapToInt(Result::vehicles).max().orElse(0);
        String verdict = "# largest fleet that kept its schedule (sim/s >= 0.99, p99 <= " + MAX_P99_LATE_MS
                + " ms, >= 99% delivered): " + best + " vehicles; load average after: " + loadAverage();
        console.println(verdict);
        report.append(verdict).append('\n');
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Result measure(int vehicles, int seconds) {
        try (DatagramChannel sink = DatagramChannel.open()) {
            sink.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            sink.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 8 << 20);
            sink.configureBlocking(true);
            AtomicLong received = new AtomicLong();
            Thread drain = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocate(2048);
                while (sink.isOpen()) {
                    try {
                        buf.clear();
                        sink.receive(buf);
                        received.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "bench-sink");
            drain.setDaemon(true);
            drain.start();
            InetSocketAddress target = (InetSocketAddress) sink.getLocalAddress();
            SimClock clock = new SimClock(0);
            UdpNetwork network = new UdpNetwork();
            List<VehicleWire> wires = fleet(vehicles, clock, network, target);
            RealTimePacer pacer = new RealTimePacer(1, System::nanoTime, () -> {
                clock.step();
                network.pollReady();
                for (VehicleWire w : wires) {
                    w.step(SimClock.STEP_MS / 1000.0, 0, 0);
                }
            }, "bench-sim");
            pacer.start();
            waitWall(3000);
            pacer.resetStats();
            Thread simThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("bench-sim"))
                    .findFirst().orElseThrow();
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getThreadCpuTime(simThread.getId());
            long sim0 = clock.nowMs();
            long wall0 = System.nanoTime();
            long got0 = received.get();
            long wakes0 = pacer.wakes();
            waitWall(seconds * 1000L);
            long sim1 = clock.nowMs();
            long wall1 = System.nanoTime();
            long got1 = received.get();
            long cpu1 = mx.getThreadCpuTime(simThread.getId());
            pacer.close();
            double wallS = (wall1 - wall0) / 1e9;
            double requested = wires.stream().mapToDouble(VehicleWire::scheduledMessagesPerS).sum();
            Result r = new Result(vehicles, (sim1 - sim0) / 1000.0 / wallS, pacer.latenessPercentileMs(0.5),
                    pacer.latenessPercentileMs(0.99), pacer.latenessPercentileMs(1.0), pacer.droppedSteps(), requested,
                    (got1 - got0) / wallS, (cpu1 - cpu0) / 1e9 / wallS);
            wires.forEach(VehicleWire::close);
            network.close();
            if (pacer.wakes() <= wakes0) {
                throw new IllegalStateException("the pacer did not run");
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<VehicleWire> fleet(int n, SimClock clock, UdpNetwork network, InetSocketAddress target) {
        Random random = new Random(1);
        LocalFrame frame = new LocalFrame(51.5, -0.12);
        List<VehicleWire> wires = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SimVehicle v = new SimVehicle("drone-" + (i + 1), 1 + i % 254, VehicleSpec.px4Quadrotor(), frame, 0, 0, 30, 100,
                    random.nextLong());
            VehicleWire w = new VehicleWire(v, FailsafeConfig.defaults(), network.open(target), clock, POSITION_RATE_HZ, null,
                    random.nextLong());
            w.autopilot().startPatrol(LoopPath.circle(2000 * random.nextDouble(), 2000 * random.nextDouble(), 150), 60,
                    1000 * random.nextDouble());
            wires.add(w);
        }
        return wires;
    }

    /** Waits wall-clock time: this is a benchmark of real-time pacing. */
    private static void waitWall(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        Object lock = new Object();
        synchronized (lock) {
            long left;
            while ((left = (until - System.nanoTime()) / 1_000_000) > 0) {
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
