package org.skyfleet.simulator.gcs;

import io.dronefleet.mavlink.Mavlink2Message;
import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A small ground station for tests, on a real UDP socket on 127.0.0.1, speaking MAVLink 2 with the
 * dronefleet codec: it records everything the vehicles send, learns each vehicle's address from its
 * datagrams, sends GCS HEARTBEATs, commands with retries, and runs the mission upload and download
 * handshakes. Waits are condition waits with a deadline.
 */
public final class GroundStation implements AutoCloseable {
    public static final int GCS_SYSTEM = 255;
    public static final int GCS_COMPONENT = 190;

    /** One message as received. */
    public record Received(int systemId, int sequence, Object payload, boolean signed) {
    }

    private final DatagramSocket socket;
    private final Thread reader;
    private final List<Received> received = new ArrayList<>();
    private final Map<Integer, SocketAddress> vehicles = new ConcurrentHashMap<>();
    private final Set<Integer> heartbeatTo = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MavlinkConnection encoder = MavlinkConnection.create(InputStream.nullInputStream(), out);
    private volatile boolean open = true;

    public GroundStation() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, "test-gcs");
        reader.setDaemon(true);
        reader.start();
        heartbeats.scheduleAtFixedRate(() -> heartbeatTo.forEach(sys -> {
            if (vehicles.containsKey(sys)) {
                send(sys, Heartbeat.builder().type(MavType.MAV_TYPE_GCS).autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID)
                        .systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build());
            }
        }), 0, 20, TimeUnit.MILLISECONDS);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Where the vehicle's datagrams come from, or null before the first. */
    public SocketAddress vehicleAddress(int systemId) {
        return vehicles.get(systemId);
    }

    private void read() {
        byte[] buf = new byte[65_536];
        while (open) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            MavlinkConnection in = MavlinkConnection.create(new ByteArrayInputStream(buf, 0, p.getLength()),
                    OutputStream.nullOutputStream());
            List<Received> batch = new ArrayList<>();
            try {
                MavlinkMessage<?> m;
                while ((m = in.next()) != null) {
                    boolean signed = m instanceof Mavlink2Message<?> m2 && m2.isSigned();
                    batch.add(new Received(m.getOriginSystemId(), m.getSequence(), m.getPayload(), signed));
                    vehicles.put(m.getOriginSystemId(), p.getSocketAddress());
                }
            } catch (EOFException end) {
                // datagram consumed
            } catch (IOException e) {
                continue;
            }
            synchronized (received) {
                received.addAll(batch);
                received.notifyAll();
            }
        }
    }

    /** Sends GCS HEARTBEATs to this vehicle every 20 ms, or stops. */
    public void heartbeats(int systemId, boolean on) {
        if (on) {
            heartbeatTo.add(systemId);
        } else {
            heartbeatTo.remove(systemId);
        }
    }

    public void send(int systemId, Object payload) {
        SocketAddress to = vehicles.get(systemId);
        if (to == null) {
            throw new IllegalStateException("vehicle " + systemId + " has not been heard yet");
        }
        byte[] bytes;
        synchronized (out) {
            out.reset();
            try {
                encoder.send2(GCS_SYSTEM, GCS_COMPONENT, payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes = out.toByteArray();
        }
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes (for example a signed frame built elsewhere) to the vehicle. */
    public void sendRaw(int systemId, byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, vehicles.get(systemId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Index of the next message to arrive: pass it to {@link #await} to look only at later ones. */
    public int mark() {
        synchronized (received) {
            return received.size();
        }
    }

    /** Waits for a message from {@code systemId} of {@code type} matching {@code condition}, after {@code from}. */
    public <T> T await(int from, int systemId, Class<T> type, Predicate<T> condition, Duration timeout, String what) {
        Received r = awaitReceived(new int[] {from}, m -> m.systemId() == systemId && type.isInstance(m.payload())
                && condition.test(type.cast(m.payload())), timeout, what);
        return type.cast(r.payload());
    }

    /** Waits for the next message from {@code cursor[0]} on that matches; moves the cursor past it. */
    public Received awaitReceived(int[] cursor, Predicate<Received> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (int i = cursor[0]; i < received.size(); i++) {
                    if (condition.test(received.get(i))) {
                        cursor[0] = i + 1;
                        return received.get(i);
                    }
                }
                cursor[0] = received.size();
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what);
                }
                try {
                    received.wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    /** Every message of {@code type} received so far from {@code systemId}, from index {@code from}. */
    public <T> List<T> all(int from, int systemId, Class<T> type) {
        synchronized (received) {
            List<T> list = new ArrayList<>();
            for (int i = from; i < received.size(); i++) {
                Received r = received.get(i);
                if (r.systemId() == systemId && type.isInstance(r.payload())) {
                    list.add(type.cast(r.payload()));
                }
            }
            return list;
        }
    }

    public List<Received> receivedFrom(int from, int systemId) {
        synchronized (received) {
            return received.subList(from, received.size()).stream().filter(r -> r.systemId() == systemId).toList();
        }
    }

    /** Waits until the vehicle has been heard. */
    public void awaitVehicle(int systemId, Duration timeout) {
        await(0, systemId, Heartbeat.class, h -> true, timeout, "a HEARTBEAT from system " + systemId);
    }

    /** COMMAND_LONG, repeated every 300 ms until its COMMAND_ACK arrives. */
    public MavResult command(int systemId, MavCmd command, float... params) {
        float[] p = java.util.Arrays.copyOf(params, 7);
        CommandLong cmd = CommandLong.builder().targetSystem(systemId).targetComponent(1).command(command)
                .param1(p[0]).param2(p[1]).param3(p[2]).param4(p[3]).param5(p[4]).param6(p[5]).param7(p[6]).build();
        for (int attempt = 0; attempt < 10; attempt++) {
            int mark = mark();
            send(systemId, cmd);
            try {
                return await(mark, systemId, CommandAck.class, a -> a.command().entry() == command, Duration.ofMillis(300),
                        "COMMAND_ACK " + command).result().entry();
            } catch (AssertionError timeout) {
                // lost or slow: send again, as a ground station does
            }
        }
        throw new AssertionError("no COMMAND_ACK for " + command);
    }

    /** Sends any command payload (COMMAND_INT, ...) and waits for the COMMAND_ACK of {@code command}. */
    public MavResult commandPayload(int systemId, Object payload, MavCmd command) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int mark = mark();
            send(systemId, payload);
            try {
                return await(mark, systemId, CommandAck.class, a -> a.command().entry() == command, Duration.ofMillis(300),
                        "COMMAND_ACK " + command).result().entry();
            } catch (AssertionError timeout) {
                // send again
            }
        }
        throw new AssertionError("no COMMAND_ACK for " + command);
    }

    /**
     * Uploads {@code items} with MISSION_COUNT / MISSION_REQUEST_INT / MISSION_ITEM_INT / MISSION_ACK,
     * answering every request (repeats included) and returns the vehicle's MISSION_ACK result.
     */
    public MavMissionResult upload(int systemId, MavMissionType type, List<MissionItemInt> items, Duration timeout) {
        int[] cursor = {mark()};
        send(systemId, MissionCount.builder().targetSystem(systemId).targetComponent(1).count(items.size())
                .missionType(type).build());
        while (true) {
            Received r = awaitReceived(cursor, m -> m.systemId() == systemId
                    && (m.payload() instanceof MissionRequestInt || m.payload() instanceof MissionAck), timeout,
                    "the vehicle's next MISSION_REQUEST_INT or MISSION_ACK");
            if (r.payload() instanceof MissionAck ack) {
                return ack.type().entry();
            }
            MissionRequestInt req = (MissionRequestInt) r.payload();
            send(systemId, items.get(req.seq()));
        }
    }

    /** Downloads a mission type with MISSION_REQUEST_LIST / MISSION_COUNT / MISSION_REQUEST_INT / MISSION_ITEM_INT. */
    public List<MissionItemInt> download(int systemId, MavMissionType type, Duration timeout) {
        int mark = mark();
        send(systemId, MissionRequestList.builder().targetSystem(systemId).targetComponent(1).missionType(type).build());
        int count = await(mark, systemId, MissionCount.class, c -> c.missionType().entry() == type, timeout,
                "MISSION_COUNT").count();
        List<MissionItemInt> items = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            int s = seq;
            int m = mark();
            send(systemId, MissionRequestInt.builder().targetSystem(systemId).targetComponent(1).seq(seq)
                    .missionType(type).build());
            items.add(await(m, systemId, MissionItemInt.class, i -> i.seq() == s, timeout, "MISSION_ITEM_INT " + s));
        }
        send(systemId, MissionAck.builder().targetSystem(systemId).targetComponent(1)
                .type(MavMissionResult.MAV_MISSION_ACCEPTED).missionType(type).build());
        return items;
    }

    /** PX4 custom mode of a HEARTBEAT: {main, sub}. */
    public static int[] px4Mode(Heartbeat hb) {
        long m = hb.customMode();
        return new int[] {(int) ((m >> 16) & 0xff), (int) ((m >> 24) & 0xff)};
    }

    public static boolean armed(Heartbeat hb) {
        return (hb.baseMode().value() & 128) != 0;
    }

    public static EnumValue<MavCmd> cmd(MavCmd c) {
        return EnumValue.of(c);
    }

    @Override
    public void close() {
        open = false;
        heartbeats.shutdownNow();
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
