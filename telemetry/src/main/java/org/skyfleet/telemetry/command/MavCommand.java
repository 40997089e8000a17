package org.skyfleet.telemetry.command;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.util.EnumValue;

/**
 * A command as it goes on the wire: a MAV_CMD id and its seven parameters, sent as a COMMAND_LONG or, when it
 * carries a position, as a COMMAND_INT (whose x/y are degrees x 10^7 in a stated frame).
 *
 * @param commandId  MAV_CMD wire value
 * @param asInt      true to send a COMMAND_INT, false for a COMMAND_LONG
 * @param frame      MAV_FRAME of x/y/z (COMMAND_INT only)
 * @param param5     COMMAND_LONG param5 (unused in COMMAND_INT, which carries {@code xDegE7})
 * @param param6     COMMAND_LONG param6 (unused in COMMAND_INT, which carries {@code yDegE7})
 * @param param7     COMMAND_LONG param7, or COMMAND_INT z
 * @param xDegE7     COMMAND_INT x: latitude, degrees x 10^7
 * @param yDegE7     COMMAND_INT y: longitude, degrees x 10^7
 */
public record MavCommand(int commandId, boolean asInt, int frame, float param1, float param2, float param3,
                         float param4, float param5, float param6, float param7, int xDegE7, int yDegE7) {

    public static final int MAV_FRAME_GLOBAL_RELATIVE_ALT_INT = 6;

    /** A COMMAND_LONG with these params. */
    public static MavCommand longForm(int commandId, float p1, float p2, float p3, float p4, float p5, float p6,
                                      float p7) {
        return new MavCommand(commandId, false, 0, p1, p2, p3, p4, p5, p6, p7, 0, 0);
    }

    /** A COMMAND_INT with these params, at a position in a frame. */
    public static MavCommand intForm(int commandId, int frame, float p1, float p2, float p3, float p4, int xDegE7,
                                     int yDegE7, float z) {
        return new MavCommand(commandId, true, frame, p1, p2, p3, p4, 0, 0, z, xDegE7, yDegE7);
    }

    /**
     * The dronefleet payload for one attempt.
     *
     * @param confirmation 0 for the first attempt, +1 for each retransmission (COMMAND_LONG only; COMMAND_INT has
     *                     no such field and goes out unchanged)
     */
    public Object toPayload(int targetSystem, int targetComponent, int confirmation) {
        EnumValue<MavCmd> command = EnumValue.create(MavCmd.class, commandId);
        if (asInt) {
            return CommandInt.builder().targetSystem(targetSystem).targetComponent(targetComponent)
                    .frame(EnumValue.create(MavFrame.class, frame)).command(command).current(0).autocontinue(0)
                    .param1(param1).param2(param2).param3(param3).param4(param4)
                    .x(xDegE7).y(yDegE7).z(param7).build();
        }
        return CommandLong.builder().targetSystem(targetSystem).targetComponent(targetComponent).command(command)
                .confirmation(Math.min(confirmation, 255))
                .param1(param1).param2(param2).param3(param3).param4(param4)
                .param5(param5).param6(param6).param7(param7).build();
    }
}
