package org.skyfleet.fleet.escort;

import java.time.Instant;
import java.util.Objects;

/**
 * What a ground robot is doing for the control plane, as persisted so that a restart carries on: walking beside an
 * officer, patrolling alone, going back to its kiosk dock, or docked.
 *
 * @param robotVehicleId the robot's vehicle id
 * @param unitId         the officer it is paired with; empty unless {@link Duty#FOLLOWING}
 * @param standOffM      how far from the officer it keeps, metres, &gt; 0 (kept when unpaired, for the next pairing)
 * @param duty           what it is doing
 * @param changedBy      who made the last change ("lin (dispatcher)", or the automation)
 * @param changedAt      when
 */
public record RobotTasking(String robotVehicleId, String unitId, double standOffM, Duty duty, String changedBy,
                           Instant changedAt) {

    /** What a robot does. */
    public enum Duty {
        /** Paired: follows its officer at the stand-off. */
        FOLLOWING,
        /** Unpaired: drives its patrol loop alone. */
        PATROLLING,
        /** Below its battery threshold: driving back to its kiosk dock. */
        DOCKING,
        /** At its dock, stopped and disarmed. */
        DOCKED
    }

    public RobotTasking {
        Objects.requireNonNull(robotVehicleId, "robotVehicleId");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(changedAt, "changedAt");
        unitId = unitId == null ? "" : unitId;
        changedBy = changedBy == null ? "" : changedBy;
        if (duty == Duty.FOLLOWING && unitId.isBlank()) {
            throw new IllegalArgumentException("a robot following an officer needs the officer's unit id");
        }
        if (duty != Duty.FOLLOWING && !unitId.isEmpty()) {
            throw new IllegalArgumentException("only a following robot has an officer, " + robotVehicleId + " is " + duty);
        }
        if (!(standOffM > 0 && standOffM <= FollowOfficer.MAX_STAND_OFF_M)) {
            throw new IllegalArgumentException("standOffM must be above 0 and at most " + FollowOfficer.MAX_STAND_OFF_M
                    + " m, got " + standOffM);
        }
    }

    /** Paired with {@code unitId}, following at {@code standOffM}. */
    public static RobotTasking following(String robotVehicleId, String unitId, double standOffM, String by, Instant at) {
        return new RobotTasking(robotVehicleId, unitId, standOffM, Duty.FOLLOWING, by, at);
    }

    /** The same robot on another duty, unpaired. */
    public RobotTasking with(Duty next, String by, Instant at) {
        return new RobotTasking(robotVehicleId, "", standOffM, next, by, at);
    }
}
