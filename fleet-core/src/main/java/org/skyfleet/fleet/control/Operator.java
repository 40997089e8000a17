package org.skyfleet.fleet.control;

import java.util.Objects;

/**
 * Someone (or something) that acts on the fleet.
 *
 * @param subject who: a person's account or an automation's name
 * @param role    what they are allowed to do
 */
public record Operator(String subject, Role role) {
    public Operator {
        Objects.requireNonNull(role, "role");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an operator needs a subject");
        }
    }

    /** Roles, as the authentication layer will issue them. */
    public enum Role {
        PILOT,
        COMMANDER,
        DISPATCHER,
        OFFICER,
        AUTOMATION,
        VEHICLE_EDGE,
        ADMIN;

        /** Commanders and admins may take a lease over from its holder. */
        public boolean mayTakeOver() {
            return this == COMMANDER || this == ADMIN;
        }

        /** Roles that may hold a lease and command. */
        public boolean mayCommand() {
            return this == PILOT || this == COMMANDER || this == AUTOMATION || this == ADMIN;
        }
    }

    @Override
    public String toString() {
        return subject + " (" + role.name().toLowerCase() + ")";
    }
}
