package org.skyfleet.bench;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.protocol.util.CrcX25;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkMessageCatalog;

/**
 * Sends HEARTBEAT at 1 Hz and GLOBAL_POSITION_INT at a set rate for V vehicles, spread evenly in time,
 * from one thread. Frames are built once per vehicle; each position frame gets a fresh counter in its
 * relative_alt field (millimetres) and a recomputed checksum, so the subscriber can tell which send a
 * state came from and measure latency. Vehicles are spread over links (254 per UDP port) and share
 * source sockets 25 at a time, as vehicles behind one router would.
 */
final class PositionLoadGenerator implements AutoCloseable {
    static final int RING = 256;
    private static final int VEHICLES_PER_SOCKET = 25;
    private static final int REL_ALT_OFFSET = 10 + 16;

    private final int vehicles;
    /** The dialect's CRC_EXTRA for GLOBAL_POSITION_INT, from the catalog the server checks frames with. */
    private final int positionCrcExtra;
    private final double positionRateHz;
    private final List<DatagramChannel> sockets = new ArrayList<>();
    private final InetSocketAddress[] targets;
    private final byte[][] positionFrames;
    private final byte[][] heartbeatFrames;
    private final int[] counters;
    private final AtomicLongArray sendNanos;
    private volatile boolean running = true;
    private volatile long positionsSent;
    private final Thread thread;

    /** Vehicle i is system id {@code i % 254 + 1} on port {@code firstPort + i / 254}. */
    PositionLoadGenerator(String host, int firstPort, int vehicles, double positionRateHz) throws IOException {
        this.vehicles = vehicles;
        this.positionRateHz = positionRateHz;
        this.targets = new InetSocketAddress[vehicles];
        this.positionFrames = new byte[vehicles][];
        this.heartbeatFrames = new byte[vehicles][];
        this.counters = new int[vehicles];
        this.sendNanos = new AtomicLongArray(vehicles * RING);
        MavlinkMessageCatalog catalog = MavlinkMessageCatalog.standard();
        this.positionCrcExtra = catalog.byClass(GlobalPositionInt.class).crcExtra();
        for (int i = 0; i < vehicles; i++) {
            int systemId = i % 254 + 1;
            targets[i] = new InetSocketAddress(host, firstPort + i / 254);
            MavlinkEncoder encoder = new MavlinkEncoder(catalog, systemId, 1);
            heartbeatFrames[i] = encoder.encode(Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR)
                    .autopilot(MavAutopilot.MAV_AUTOPILOT_PX4).baseMode(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED)
                    .customMode((4L << 16) | (4L << 24)).systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build());
            positionFrames[i] = encoder.encode(GlobalPositionInt.builder().timeBootMs(1000)
                    .lat(515_000_000 + (i % 1000) * 1000).lon(-1_200_000 - (i / 1000) * 1000).alt(150_000)
                    .relativeAlt(0).vx(500).vy(0).vz(0).hdg(9000).build());
            if (positionFrames[i].length != 10 + 28 + 2) {
                throw new IllegalStateException("unexpected GLOBAL_POSITION_INT frame length " + positionFrames[i].length);
            }
            if (i % VEHICLES_PER_SOCKET == 0) {
                DatagramChannel ch = DatagramChannel.open();
                ch.bind(new InetSocketAddress(host, 0));
                ch.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
                sockets.add(ch);
            }
        }
        this.thread = new Thread(this::run, "bench-load-generator");
        thread.setDaemon(true);
    }

    /** Sends one heartbeat per vehicle so that the server discovers them. */
    void announce() throws IOException {
        for (int i = 0; i < vehicles; i++) {
            send(i, heartbeatFrames[i]);
            if (i % 200 == 199) {
                LockSupport.parkNanos(2_000_000);  // let the receive buffer drain
            }
        }
    }

    void start() {
        thread.start();
    }

    /** When the send that carried {@code counter} for vehicle {@code index} left, or 0 if unknown. */
    long sentAtNanos(int index, int counter) {
        return sendNanos.get(index * RING + (counter & (RING - 1)));
    }

    long positionsSent() {
        return positionsSent;
    }

    private void run() {
        long start = System.nanoTime();
        long positions = 0;
        long heartbeats = 0;
        int nextPosition = 0;
        int nextHeartbeat = 0;
        try {
            while (running) {
                double elapsedS = (System.nanoTime() - start) / 1e9;
                long duePositions = (long) (elapsedS * vehicles * positionRateHz);
                long dueHeartbeats = (long) (elapsedS * vehicles);
                if (positions >= duePositions && heartbeats >= dueHeartbeats) {
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                while (positions < duePositions && running) {
                    sendPosition(nextPosition);
                    nextPosition = nextPosition + 1 == vehicles ? 0 : nextPosition + 1;
                    positions++;
                }
                positionsSent = positions;
                while (heartbeats < dueHeartbeats && running) {
                    send(nextHeartbeat, heartbeatFrames[nextHeartbeat]);
                    nextHeartbeat = nextHeartbeat + 1 == vehicles ? 0 : nextHeartbeat + 1;
                    heartbeats++;
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void sendPosition(int i) throws IOException {
        byte[] f = positionFrames[i];
        int counter = ++counters[i];
        f[4] = (byte) counter;  // packet sequence
        f[REL_ALT_OFFSET] = (byte) counter;
        f[REL_ALT_OFFSET + 1] = (byte) (counter >> 8);
        f[REL_ALT_OFFSET + 2] = (byte) (counter >> 16);
        f[REL_ALT_OFFSET + 3] = (byte) (counter >> 24);
        // the frame is patched in place, so its checksum is redone with the codec's own X.25 CRC
        CrcX25 crc = new CrcX25();
        crc.accumulate(f, 1, f.length - 2);
        crc.accumulate(positionCrcExtra);
        f[f.length - 2] = (byte) crc.get();
        f[f.length - 1] = (byte) (crc.get() >> 8);
        sendNanos.lazySet(i * RING + (counter & (RING - 1)), System.nanoTime());
        send(i, f);
    }

    private void send(int i, byte[] frame) throws IOException {
        sockets.get(i / VEHICLES_PER_SOCKET).send(ByteBuffer.wrap(frame), targets[i]);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        for (DatagramChannel ch : sockets) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
