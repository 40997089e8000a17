package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.Mavlink2Message;
import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.util.EnumValue;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import org.skyfleet.simulator.autopilot.Autopilot;
import org.skyfleet.simulator.autopilot.CommandHandler;
import org.skyfleet.simulator.mission.MissionPlanItem;
import org.skyfleet.simulator.mission.MissionTransfer;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;

/**
 * Decodes what the ground station sent to this vehicle and hands each message to the part that
 * answers it: GCS HEARTBEAT to the lost-link watch, commands to the {@link CommandHandler} (with
 * SET_MESSAGE_INTERVAL, REQUEST_MESSAGE, REQUEST_AUTOPILOT_CAPABILITIES and reboot answered here), mission messages to the
 * {@link MissionTransfer}. On a signed link, unsigned or wrongly signed messages are dropped.
 */
final class GcsMessageHandler {
    private static final int MAV_TYPE_GCS = 6;
    private static final int SET_MESSAGE_INTERVAL = 511;
    private static final int REQUEST_MESSAGE = 512;
    private static final int PREFLIGHT_REBOOT_SHUTDOWN = 246;
    private static final int REQUEST_AUTOPILOT_CAPABILITIES = 520;
    private static final int POSITION_IGNORED = 1 | 2 | 4;

    private final VehicleWire wire;
    private final Autopilot ap;
    private final CommandHandler commands;
    private final MissionTransfer transfer;
    private final TelemetrySchedule schedule;
    private final byte[] signingKey;
    private final int systemId;
    private long rejectedUnsigned;

    GcsMessageHandler(VehicleWire wire, Autopilot ap, CommandHandler commands, MissionTransfer transfer,
                      TelemetrySchedule schedule, byte[] signingKey) {
        this.wire = wire;
        this.ap = ap;
        this.commands = commands;
        this.transfer = transfer;
        this.schedule = schedule;
        this.signingKey = signingKey;
        this.systemId = ap.vehicle().systemId();
    }

    MissionTransfer transfer() {
        return transfer;
    }

    long rejectedUnsigned() {
        return rejectedUnsigned;
    }

    void handle(byte[] datagram, long nowMs) {
        MavlinkConnection in = MavlinkConnection.create(new ByteArrayInputStream(datagram), OutputStream.nullOutputStream());
        while (true) {
            MavlinkMessage<?> m;
            try {
                m = in.next();
            } catch (EOFException end) {
                return;
            } catch (IOException e) {
                return;  // a corrupt datagram is dropped, as a flight controller's parser would
            }
            if (m == null) {
                return;
            }
            if (signingKey != null && !(m instanceof Mavlink2Message<?> m2 && m2.isSigned() && m2.validateSignature(signingKey))) {
                rejectedUnsigned++;
                continue;
            }
            dispatch(m, nowMs);
        }
    }

    private boolean forMe(int targetSystem) {
        return targetSystem == systemId || targetSystem == 0;
    }

    private void dispatch(MavlinkMessage<?> m, long nowMs) {
        Object p = m.getPayload();
        int fromSys = m.getOriginSystemId();
        int fromComp = m.getOriginComponentId();
        if (p instanceof Heartbeat hb) {
            if (hb.type().value() == MAV_TYPE_GCS) {
                ap.onGcsHeartbeat(nowMs);
            }
        } else if (p instanceof CommandLong c && forMe(c.targetSystem())) {
            if (c.command().value() == PREFLIGHT_REBOOT_SHUTDOWN && Math.round(c.param1()) == 1) {
                reboot(c.command(), fromSys, fromComp);
                return;
            }
            MavResult r = wireCommand(c.command().value(), c.param1(), c.param2());
            if (r == null) {
                r = cameraCommand(c.command().value(), c.param1(), c.param2(), c.param3());
            }
            if (r == null) {
                r = commands.handle(new CommandHandler.Command(c.command().value(), c.param1(), c.param2(), c.param3(),
                        c.param4(), c.param5(), c.param6(), c.param7(), false));
            }
            ack(c.command(), r, fromSys, fromComp);
        } else if (p instanceof CommandInt c && forMe(c.targetSystem())) {
            MavResult r = wireCommand(c.command().value(), c.param1(), c.param2());
            if (r == null) {
                int f = c.frame().value();
                r = commands.handle(new CommandHandler.Command(c.command().value(), c.param1(), c.param2(), c.param3(),
                        c.param4(), degOrNaN(c.x()), degOrNaN(c.y()), c.z(), f == 3 || f == 6 || f == 10 || f == 11));
            }
            ack(c.command(), r, fromSys, fromComp);
        } else if (p instanceof SetPositionTargetGlobalInt t && forMe(t.targetSystem())) {
            if ((t.typeMask().value() & POSITION_IGNORED) == 0) {
                int f = t.coordinateFrame().value();
                commands.onPositionTarget(t.latInt() / 1e7, t.lonInt() / 1e7, t.alt(), f != 0 && f != 5, nowMs);
            }
        } else if (p instanceof RequestDataStream r && forMe(r.targetSystem())) {
            onRequestDataStream(r);
        } else {
            dispatchMission(p, fromSys, fromComp, nowMs);
        }
    }

    private void dispatchMission(Object p, int fromSys, int fromComp, long nowMs) {
        if (p instanceof MissionCount c && c.targetSystem() == systemId) {
            transfer.onCount(c.count(), c.missionType().value(), fromSys, fromComp, nowMs);
        } else if (p instanceof MissionItemInt i && i.targetSystem() == systemId) {
            transfer.onItem(MissionPlanItem.of(i), false, nowMs);
        } else if (p instanceof MissionItem i && i.targetSystem() == systemId) {
            transfer.onItem(MissionPlanItem.of(i), true, nowMs);
        } else if (p instanceof MissionRequestList r && r.targetSystem() == systemId) {
            transfer.onRequestList(r.missionType().value(), fromSys, fromComp);
        } else if (p instanceof MissionRequestInt r && r.targetSystem() == systemId) {
            transfer.onRequest(r.seq(), r.missionType().value(), false, fromSys, fromComp);
        } else if (p instanceof MissionRequest r && r.targetSystem() == systemId) {
            transfer.onRequest(r.seq(), r.missionType().value(), true, fromSys, fromComp);
        } else if (p instanceof MissionClearAll c && c.targetSystem() == systemId) {
            transfer.onClearAll(c.missionType().value(), fromSys, fromComp);
        } else if (p instanceof MissionSetCurrent s && s.targetSystem() == systemId) {
            ap.setMissionCurrent(s.seq());
        }
    }

    /** INT32_MAX and 0 mean "not given" in COMMAND_INT x/y. */
    private static double degOrNaN(int degE7) {
        return degE7 == 0 || degE7 == Integer.MAX_VALUE ? Double.NaN : degE7 / 1e7;
    }

    /** A camera or gimbal command's answer ({@link CameraCommandHandler}); null if it is none or there is no camera. */
    private MavResult cameraCommand(int command, float p1, float p2, float p3) {
        CameraCommandHandler camera = wire.cameraCommands();
        return camera == null ? null : camera.handle(command, p1, p2, p3);
    }

    /** The commands the link itself answers; null for the autopilot's. */
    private MavResult wireCommand(int command, float param1, float param2) {
        if (command == SET_MESSAGE_INTERVAL) {
            if (ap.vehicle().flavour() != AutopilotFlavour.PX4) {
                return MavResult.MAV_RESULT_UNSUPPORTED;
            }
            int messageId = Math.round(param1);
            if (param2 < 0) {
                schedule.stop(messageId);
            } else if (param2 > 0) {
                schedule.setIntervalMs(messageId, Math.round(param2 / 1000.0));
            }
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        if (command == REQUEST_MESSAGE || command == REQUEST_AUTOPILOT_CAPABILITIES) {
            int id = command == REQUEST_MESSAGE ? Math.round(param1) : TelemetryMessages.AUTOPILOT_VERSION;
            Object msg = id == CameraMessages.CAMERA_INFORMATION || id == CameraMessages.VIDEO_STREAM_INFORMATION
                    ? CameraMessages.build(id, wire.camera(), wire.timeBootMs())
                    : isCameraReport(id) ? (wire.cameraCommands() == null ? null : wire.cameraCommands().reply(id))
                    : TelemetryMessages.build(id, ap.vehicle(), ap, wire.timeBootMs());
            if (msg == null) {
                return MavResult.MAV_RESULT_DENIED;
            }
            wire.send(msg);
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        return null;
    }

    private static boolean isCameraReport(int messageId) {
        return messageId == CameraCommandHandler.GIMBAL_MANAGER_INFORMATION || messageId == CameraCommandHandler.CAMERA_SETTINGS
                || messageId == CameraCommandHandler.CAMERA_CAPTURE_STATUS;
    }

    /** ArduPilot's stream groups, with the messages of each that the simulator produces. */
    private void onRequestDataStream(RequestDataStream req) {
        if (ap.vehicle().flavour() == AutopilotFlavour.PX4 || req.reqMessageRate() <= 0) {
            return;
        }
        long ms = Math.max(1, 1000 / req.reqMessageRate());
        int[] messages = switch (req.reqStreamId()) {
            case 2 -> new int[] {TelemetryMessages.SYS_STATUS, TelemetryMessages.GPS_RAW_INT, TelemetryMessages.MISSION_CURRENT};
            case 6 -> new int[] {TelemetryMessages.GLOBAL_POSITION_INT};
            case 10 -> new int[] {TelemetryMessages.ATTITUDE};
            case 11 -> new int[] {TelemetryMessages.VFR_HUD};
            case 12 -> new int[] {TelemetryMessages.BATTERY_STATUS, TelemetryMessages.EXTENDED_SYS_STATE,
                    TelemetryMessages.HOME_POSITION};
            default -> new int[0];
        };
        for (int id : messages) {
            if (req.startStop() == 0) {
                schedule.stop(id);
            } else {
                schedule.setIntervalMs(id, ms);
            }
        }
    }

    /** PREFLIGHT_REBOOT_SHUTDOWN: acknowledged, then the autopilot restarts (refused while armed). */
    private void reboot(EnumValue<MavCmd> command, int fromSys, int fromComp) {
        if (ap.armed()) {
            ack(command, MavResult.MAV_RESULT_DENIED, fromSys, fromComp);
            return;
        }
        ack(command, MavResult.MAV_RESULT_ACCEPTED, fromSys, fromComp);
        wire.reboot(3000);
    }

    private void ack(EnumValue<MavCmd> command, MavResult result, int toSystem, int toComponent) {
        wire.send(CommandAck.builder().command(command).result(result).progress(0).resultParam2(0)
                .targetSystem(toSystem).targetComponent(toComponent).build());
    }
}
