package org.skyfleet.fleet.mission;

import java.time.Instant;

/**
 * One change of a mission's state.
 *
 * @param from   the state before
 * @param to     the state after
 * @param time   when
 * @param actor  who caused it ("subject (role)" or "vehicle"/"system")
 * @param reason why, in words a person can act on; empty when obvious
 */
public record MissionTransition(MissionState from, MissionState to, Instant time, String actor, String reason) {
}
