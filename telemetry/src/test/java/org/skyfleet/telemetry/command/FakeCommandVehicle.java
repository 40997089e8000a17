package org.skyfleet.telemetry.command;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * An autopilot's command handling for tests: answers COMMAND_LONG and COMMAND_INT with a COMMAND_ACK addressed to
 * the ground station, ACCEPTED unless scripted otherwise per MAV_CMD, and records every command it received.
 */
public final class FakeCommandVehicle implements VehiclePeer {

    /** How the vehicle treats one MAV_CMD. */
    private static final class Script {
        int ignoreFirst;
        int mavResult;
        boolean silent;
        int[] progressPercents = new int[0];
        Duration progressStep = Duration.ZERO;
        int ackTargetSystem = SimulatedLink.GCS_SYSTEM;
    }

    private final Map<Integer, Script> scripts = new HashMap<>();
    private final List<Object> received = new ArrayList<>();
    private final Map<Integer, Integer> seen = new HashMap<>();

    private Script script(int commandId) {
        return scripts.computeIfAbsent(commandId, k -> new Script());
    }

    /** Answers this MAV_CMD with this MAV_RESULT wire value. */
    public FakeCommandVehicle answer(int commandId, MavResult result) {
        script(commandId).mavResult = valueOf(result);
        return this;
    }

    /** Never answers this MAV_CMD. */
    public FakeCommandVehicle silent(int commandId) {
        script(commandId).silent = true;
        return this;
    }

    /** Does not hear the first {@code n} sends of this MAV_CMD (as if they were lost). */
    public FakeCommandVehicle ignoreFirst(int commandId, int n) {
        script(commandId).ignoreFirst = n;
        return this;
    }

    /** Acknowledges IN_PROGRESS with each percent in turn, one step apart, then the scripted final result. */
    public FakeCommandVehicle progress(int commandId, Duration step, int... percents) {
        Script s = script(commandId);
        s.progressPercents = percents;
        s.progressStep = step;
        return this;
    }

    /** Addresses its acks for this MAV_CMD to another ground station. */
    public FakeCommandVehicle ackTo(int commandId, int targetSystem) {
        script(commandId).ackTargetSystem = targetSystem;
        return this;
    }

    public List<Object> received() {
        return List.copyOf(received);
    }

    @Override
    public void onFrame(MavlinkFrame fromGround, Outbox out) {
        int commandId;
        if (fromGround.payload() instanceof CommandLong c) {
            commandId = c.command().value();
        } else if (fromGround.payload() instanceof CommandInt c) {
            commandId = c.command().value();
        } else {
            return;
        }
        received.add(fromGround.payload());
        Script s = script(commandId);
        int n = seen.merge(commandId, 1, Integer::sum);
        if (s.silent || n <= s.ignoreFirst) {
            return;
        }
        if (n > s.ignoreFirst + 1 && s.progressPercents.length > 0) {
            return;  // a long-running command already under way: the retransmission changes nothing
        }
        for (int i = 0; i < s.progressPercents.length; i++) {
            int percent = s.progressPercents[i];
            out.schedule(() -> out.send(ack(commandId, 5, percent, s.ackTargetSystem)), s.progressStep.multipliedBy(i));
        }
        out.schedule(() -> out.send(ack(commandId, s.mavResult, 100, s.ackTargetSystem)),
                s.progressStep.multipliedBy(s.progressPercents.length));
    }

    static CommandAck ack(int commandId, int mavResult, int progress, int targetSystem) {
        return CommandAck.builder().command(EnumValue.create(MavCmd.class, commandId))
                .result(EnumValue.create(MavResult.class, mavResult)).progress(progress).resultParam2(0)
                .targetSystem(targetSystem).targetComponent(SimulatedLink.GCS_COMPONENT).build();
    }

    private static int valueOf(MavResult result) {
        return EnumValue.of(result).value();
    }
}
