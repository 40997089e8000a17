package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.RequestDataStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * A simulated autopilot's MAVLink link: its own UDP socket to the ground station, the per-message
 * telemetry schedule it keeps, and its answers to SET_MESSAGE_INTERVAL and REQUEST_DATA_STREAM.
 * Used by the simulation thread only.
 */
public final class VehicleWire implements AutoCloseable {
    private static final int AUTOPILOT_COMPONENT = 1;
    private static final int MAV_CMD_SET_MESSAGE_INTERVAL = 511;

    private final SimVehicle vehicle;
    private final DatagramChannel socket;
    private final InetSocketAddress target;
    private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream(300);
    private final MavlinkConnection encoder;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(65_536);
    /** message id -> interval in ms (absent: not streamed). */
    private final Map<Integer, Long> intervalsMs = new HashMap<>();
    private final Map<Integer, Long> nextDueMs = new HashMap<>();
    private boolean linkUp = true;
    private long sentDatagrams;

    public VehicleWire(SimVehicle vehicle, InetSocketAddress target, Selector selector, double positionRateHz) {
        this.vehicle = vehicle;
        this.target = target;
        this.encoder = MavlinkConnection.create(new ByteArrayInputStream(new byte[0]), outBuffer);
        try {
            this.socket = DatagramChannel.open();
            socket.bind(new InetSocketAddress(target.getAddress().isLoopbackAddress() ? target.getAddress() : null, 0));
            socket.configureBlocking(false);
            socket.register(selector, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for " + vehicle.name(), e);
        }
        intervalsMs.put(TelemetryMessages.HEARTBEAT, 1000L);
        if (vehicle.flavour() == AutopilotFlavour.PX4) {
            long positionMs = Math.max(1, Math.round(1000 / positionRateHz));
            intervalsMs.put(TelemetryMessages.GLOBAL_POSITION_INT, positionMs);
            intervalsMs.put(TelemetryMessages.ATTITUDE, positionMs);
            intervalsMs.put(TelemetryMessages.SYS_STATUS, 1000L);
            intervalsMs.put(TelemetryMessages.BATTERY_STATUS, 1000L);
            intervalsMs.put(TelemetryMessages.GPS_RAW_INT, 500L);
            intervalsMs.put(TelemetryMessages.VFR_HUD, 250L);
            intervalsMs.put(TelemetryMessages.EXTENDED_SYS_STATE, 1000L);
            intervalsMs.put(TelemetryMessages.HOME_POSITION, 2000L);
        }
    }

    /** Sends every message that is due at {@code nowMs} (time since boot). */
    public void sendDue(long nowMs) {
        if (!linkUp) {
            return;
        }
        for (Map.Entry<Integer, Long> e : intervalsMs.entrySet()) {
            long due = nextDueMs.getOrDefault(e.getKey(), nowMs);
            if (nowMs >= due) {
                send(TelemetryMessages.build(e.getKey(), vehicle, nowMs));
                // Keep the cadence without drifting, but never try to catch up a backlog.
                long next = due + e.getValue();
                nextDueMs.put(e.getKey(), next <= nowMs ? nowMs + e.getValue() : next);
            }
        }
    }

    /** Reads and answers what the ground station sent. */
    public void receive() {
        try {
            while (true) {
                receiveBuffer.clear();
                if (socket.receive(receiveBuffer) == null) {
                    return;
                }
                if (!linkUp) {
                    continue;  // the radio is down: what was sent is lost
                }
                receiveBuffer.flip();
                byte[] datagram = Arrays.copyOf(receiveBuffer.array(), receiveBuffer.limit());
                handleDatagram(datagram);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handleDatagram(byte[] datagram) throws IOException {
        MavlinkConnection in = MavlinkConnection.create(new ByteArrayInputStream(datagram), OutputStream.nullOutputStream());
        while (true) {
            MavlinkMessage<?> m;
            try {
                m = in.next();
            } catch (EOFException end) {
                return;
            }
            if (m == null) {
                return;
            }
            Object payload = m.getPayload();
            if (payload instanceof CommandLong cmd && cmd.targetSystem() == vehicle.systemId()) {
                onCommand(cmd);
            } else if (payload instanceof RequestDataStream req && req.targetSystem() == vehicle.systemId()) {
                onRequestDataStream(req);
            }
        }
    }

    private void onCommand(CommandLong cmd) {
        if (cmd.command().value() != MAV_CMD_SET_MESSAGE_INTERVAL) {
            ack(cmd, MavResult.MAV_RESULT_UNSUPPORTED);
            return;
        }
        if (vehicle.flavour() != AutopilotFlavour.PX4) {
            ack(cmd, MavResult.MAV_RESULT_UNSUPPORTED);
            return;
        }
        int messageId = Math.round(cmd.param1());
        float intervalUs = cmd.param2();
        if (intervalUs < 0) {
            intervalsMs.remove(messageId);
        } else if (intervalUs > 0) {
            intervalsMs.put(messageId, Math.max(1, Math.round(intervalUs / 1000.0)));
        }
        ack(cmd, MavResult.MAV_RESULT_ACCEPTED);
    }

    /** ArduPilot's stream groups, with the messages of each that the simulator produces. */
    private void onRequestDataStream(RequestDataStream req) {
        if (vehicle.flavour() == AutopilotFlavour.PX4 || req.reqMessageRate() <= 0) {
            return;
        }
        long ms = Math.max(1, 1000 / req.reqMessageRate());
        int[] messages = switch (req.reqStreamId()) {
            case 2 -> new int[] {TelemetryMessages.SYS_STATUS, TelemetryMessages.GPS_RAW_INT};
            case 6 -> new int[] {TelemetryMessages.GLOBAL_POSITION_INT};
            case 10 -> new int[] {TelemetryMessages.ATTITUDE};
            case 11 -> new int[] {TelemetryMessages.VFR_HUD};
            case 12 -> new int[] {TelemetryMessages.BATTERY_STATUS, TelemetryMessages.EXTENDED_SYS_STATE,
                    TelemetryMessages.HOME_POSITION};
            default -> new int[0];
        };
        for (int id : messages) {
            if (req.startStop() == 0) {
                intervalsMs.remove(id);
            } else {
                intervalsMs.put(id, ms);
            }
        }
    }

    private void ack(CommandLong cmd, MavResult result) {
        send(CommandAck.builder().command(cmd.command()).result(result).progress(0).resultParam2(0)
                .targetSystem(255).targetComponent(190).build());
    }

    private void send(Object payload) {
        if (payload == null) {
            return;
        }
        try {
            outBuffer.reset();
            encoder.send2(vehicle.systemId(), AUTOPILOT_COMPONENT, payload);
            socket.send(ByteBuffer.wrap(outBuffer.toByteArray()), target);
            sentDatagrams++;
        } catch (IOException e) {
            // A full socket buffer or an unreachable ground station loses this datagram, as a radio would.
        }
    }

    public SimVehicle vehicle() {
        return vehicle;
    }

    /** Cuts or restores the radio link (nothing sent, nothing received while down). */
    public void setLinkUp(boolean up) {
        this.linkUp = up;
    }

    public boolean isLinkUp() {
        return linkUp;
    }

    public boolean isStreaming(int messageId) {
        return intervalsMs.containsKey(messageId);
    }

    public long sentDatagrams() {
        return sentDatagrams;
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) socket.getLocalAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
