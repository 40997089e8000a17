package org.skyfleet.simulator.gcs;

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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.link.MemoryLink;

/**
 * A ground station on one vehicle's in-memory link, for step-driven tests: it advances the simulation
 * itself while it waits, so every exchange happens at a simulated time fixed by the scenario and seed.
 * It keeps a digest of every byte the vehicle sent.
 */
public final class MemoryGroundStation {
    private final MemoryLink link;
    private final Simulation sim;
    /** One message as received: payload, packet sequence, and whether it carried a valid signature. */
    public record Frame(Object payload, int sequence, boolean signedValid) {
    }

    private final List<Object> received = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private byte[] signingKey;
    private long signingTimestamp = 1;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MavlinkConnection encoder = MavlinkConnection.create(InputStream.nullInputStream(), out);
    private final MessageDigest digest;

    public MemoryGroundStation(MemoryLink link, Simulation sim) {
        this.link = link;
        this.sim = sim;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(Object payload) {
        out.reset();
        try {
            if (signingKey == null) {
                encoder.send2(GroundStation.GCS_SYSTEM, GroundStation.GCS_COMPONENT, payload);
            } else {
                encoder.send2(GroundStation.GCS_SYSTEM, GroundStation.GCS_COMPONENT, payload, 0, signingTimestamp++, signingKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        link.groundEnd().send(out.toByteArray());
    }

    /** Reads what the vehicle sent since the last poll. */
    public void poll() {
        link.groundEnd().receive(d -> {
            digest.update(d);
            MavlinkConnection in = MavlinkConnection.create(new ByteArrayInputStream(d), OutputStream.nullOutputStream());
            try {
                MavlinkMessage<?> m;
                while ((m = in.next()) != null) {
                    received.add(m.getPayload());
                    boolean valid = signingKey != null && m instanceof io.dronefleet.mavlink.Mavlink2Message<?> m2
                            && m2.isSigned() && m2.validateSignature(signingKey);
                    frames.add(new Frame(m.getPayload(), m.getSequence(), valid));
                }
            } catch (EOFException end) {
                // datagram consumed
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Advances the simulation 10 ms at a time until a message matches, at most {@code limit} of simulated time. */
    public <T> T stepUntil(Class<T> type, Predicate<T> condition, Duration limit) {
        int from = received.size();
        long steps = limit.toMillis() / 10;
        for (long i = 0; i <= steps; i++) {
            poll();
            for (int k = from; k < received.size(); k++) {
                Object p = received.get(k);
                if (type.isInstance(p) && condition.test(type.cast(p))) {
                    return type.cast(p);
                }
            }
            from = received.size();
            sim.advance(Duration.ofMillis(10));
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + limit + " of simulated time");
    }

    public MavResult command(int systemId, MavCmd command, float... params) {
        float[] p = java.util.Arrays.copyOf(params, 7);
        send(CommandLong.builder().targetSystem(systemId).targetComponent(1).command(command).param1(p[0]).param2(p[1])
                .param3(p[2]).param4(p[3]).param5(p[4]).param6(p[5]).param7(p[6]).build());
        return stepUntil(CommandAck.class, a -> a.command().entry() == command, Duration.ofSeconds(2)).result().entry();
    }

    /** Sends a command payload (COMMAND_INT, ...) and steps until the COMMAND_ACK of {@code command}. */
    public MavResult commandPayload(Object payload, MavCmd command) {
        send(payload);
        return stepUntil(CommandAck.class, a -> a.command().entry() == command, Duration.ofSeconds(2)).result().entry();
    }

    public MavMissionResult upload(int systemId, List<MissionItemInt> items) {
        return upload(systemId, MavMissionType.MAV_MISSION_TYPE_MISSION, items);
    }

    public MavMissionResult upload(int systemId, MavMissionType type, List<MissionItemInt> items) {
        send(MissionCount.builder().targetSystem(systemId).targetComponent(1).count(items.size())
                .missionType(type).build());
        while (true) {
            Object p = stepUntil(Object.class, o -> o instanceof MissionRequestInt || o instanceof MissionAck, Duration.ofSeconds(6));
            if (p instanceof MissionAck ack) {
                return ack.type().entry();
            }
            send(items.get(((MissionRequestInt) p).seq()));
        }
    }

    /** Signs what it sends with {@code key} from now on (null: unsigned), and checks signatures against it. */
    public void signWith(byte[] key) {
        this.signingKey = key;
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    public <T> List<T> all(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** SHA-256 of every datagram received so far, in order. */
    public byte[] digest() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
