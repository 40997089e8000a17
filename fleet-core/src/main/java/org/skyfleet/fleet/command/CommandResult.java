package org.skyfleet.fleet.command;

/**
 * What became of a command. The first seven are the vehicle's own answer (MAV_RESULT); the last two are the
 * ground side's when the vehicle gave none.
 */
public enum CommandResult {
    /** The vehicle accepted the command and did or is doing it. */
    ACCEPTED,
    /** The vehicle cannot do it now but might later (busy, wrong state for the moment): try again. */
    TEMPORARILY_REJECTED,
    /** The vehicle will not do it with these parameters or in this state. */
    DENIED,
    /** The vehicle does not know the command (or not in this message form or frame). */
    UNSUPPORTED,
    /** The vehicle tried and failed. */
    FAILED,
    /** The vehicle is working on it; a later answer will follow. Only ever seen in progress reports. */
    IN_PROGRESS,
    /** The vehicle cancelled a long-running command before it completed. */
    CANCELLED,
    /** The vehicle never answered although the command was sent every attempt. */
    TIMED_OUT,
    /** The vehicle is not connected on the link, so nothing was sent. */
    NOT_CONNECTED;

    /** True for the vehicle's final answers and the ground side's verdicts; false only for IN_PROGRESS. */
    public boolean isFinal() {
        return this != IN_PROGRESS;
    }
}
