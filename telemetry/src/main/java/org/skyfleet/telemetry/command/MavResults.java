package org.skyfleet.telemetry.command;

import org.skyfleet.fleet.command.CommandResult;

/** MAV_RESULT wire values to the domain's {@link CommandResult}. */
final class MavResults {
    private MavResults() {
    }

    /**
     * 0..6 map one to one. 7 COMMAND_LONG_ONLY, 8 COMMAND_INT_ONLY and 9 COMMAND_UNSUPPORTED_MAV_FRAME say the
     * vehicle cannot take the command in the form it was sent: UNSUPPORTED. Values newer than this build: FAILED.
     */
    static CommandResult toResult(int mavResult) {
        return switch (mavResult) {
            case 0 -> CommandResult.ACCEPTED;
            case 1 -> CommandResult.TEMPORARILY_REJECTED;
            case 2 -> CommandResult.DENIED;
            case 3, 7, 8, 9 -> CommandResult.UNSUPPORTED;
            case 5 -> CommandResult.IN_PROGRESS;
            case 6 -> CommandResult.CANCELLED;
            default -> CommandResult.FAILED;
        };
    }

    /** COMMAND_ACK progress: 0..100, 255 (or anything else) when the vehicle does not know. */
    static int progressPercent(int progress) {
        return progress >= 0 && progress <= 100 ? progress : -1;
    }
}
