package org.skyfleet.simulator.autopilot;

import static org.skyfleet.simulator.mission.MissionPlanItem.*;

import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionState;
import java.util.List;
import org.skyfleet.simulator.mavlink.Outbox;
import org.skyfleet.simulator.mission.MissionPlanItem;
import org.skyfleet.simulator.mission.MissionStore;
import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * Flies the stored mission item by item: NAV_TAKEOFF, NAV_WAYPOINT (with its hold time and acceptance
 * radius), NAV_LOITER_TIME, NAV_LAND, NAV_RETURN_TO_LAUNCH and DO_CHANGE_SPEED. Each completed item is
 * reported with MISSION_ITEM_REACHED and the next one with MISSION_CURRENT. A new upload restarts from
 * item 0; MISSION_SET_CURRENT moves to another item.
 */
final class MissionExecutor {
    private static final double DEFAULT_ACCEPT_RADIUS_M = 2.0;

    private final SimVehicle v;
    private final MissionStore store;
    private final Outbox out;
    private final ReturnGuidance rtl;
    private int current;
    private MissionState state = MissionState.MISSION_STATE_NO_MISSION;
    private boolean itemEntered;
    private double itemStartEastM;
    private double itemStartNorthM;
    private long arrivedAtMs = -1;
    private double speedMps = -1;

    MissionExecutor(SimVehicle v, MissionStore store, Outbox out, ReturnGuidance rtl) {
        this.v = v;
        this.store = store;
        this.out = out;
        this.rtl = rtl;
    }

    /** A new mission was stored: start again from item 0. */
    void reset() {
        current = 0;
        itemEntered = false;
        speedMps = -1;
        state = store.count(MissionStore.MISSION) == 0 ? MissionState.MISSION_STATE_NO_MISSION
                : MissionState.MISSION_STATE_NOT_STARTED;
        reportCurrent();
    }

    boolean hasMission() {
        return store.count(MissionStore.MISSION) > 0;
    }

    boolean setCurrent(int seq) {
        if (seq < 0 || seq >= store.count(MissionStore.MISSION)) {
            return false;
        }
        current = seq;
        itemEntered = false;
        if (state == MissionState.MISSION_STATE_COMPLETE) {
            state = MissionState.MISSION_STATE_NOT_STARTED;
        }
        reportCurrent();
        return true;
    }

    void markActive() {
        if (hasMission()) {
            if (state == MissionState.MISSION_STATE_COMPLETE) {
                current = 0;
                itemEntered = false;
            }
            state = MissionState.MISSION_STATE_ACTIVE;
        }
    }

    void markPaused() {
        if (state == MissionState.MISSION_STATE_ACTIVE) {
            state = MissionState.MISSION_STATE_PAUSED;
            itemEntered = false;
        }
    }

    boolean isComplete() {
        return state == MissionState.MISSION_STATE_COMPLETE;
    }

    /** The setpoint for the current item; null once the mission is complete. */
    Setpoint step(long nowMs) {
        List<MissionPlanItem> items = store.items(MissionStore.MISSION);
        for (int guard = 0; guard < items.size() + 1 && current < items.size(); guard++) {
            MissionPlanItem item = items.get(current);
            if (!itemEntered) {
                enter(item);
            }
            if (item.command() == DO_CHANGE_SPEED) {
                if (item.param2() > 0) {
                    speedMps = item.param2();
                }
                complete();
                continue;
            }
            Setpoint sp = fly(item, nowMs);
            if (sp != null) {
                return sp;
            }
            complete();
        }
        if (current >= items.size() && state != MissionState.MISSION_STATE_COMPLETE) {
            state = MissionState.MISSION_STATE_COMPLETE;
            current = Math.max(0, items.size() - 1);
            reportCurrent();
        }
        return null;
    }

    private void enter(MissionPlanItem item) {
        itemEntered = true;
        arrivedAtMs = -1;
        itemStartEastM = v.eastM();
        itemStartNorthM = v.northM();
        if (item.command() == NAV_RETURN_TO_LAUNCH) {
            rtl.begin(v, v.homeEastM(), v.homeNorthM());
        }
    }

    /** The setpoint that flies {@code item}, or null when it is done. */
    private Setpoint fly(MissionPlanItem item, long nowMs) {
        double speed = speedMps > 0 ? speedMps : v.spec().cruiseSpeedMps();
        boolean flies = v.spec().flies();
        double altM = !flies ? 0 : item.altitudeIsAmsl() ? item.z() - v.homeAltAmslM() : item.z();
        switch (item.command()) {
            case NAV_TAKEOFF -> {
                return Math.abs(v.altitudeRelM() - altM) < 1.0 ? null
                        : Setpoint.goTo(itemStartEastM, itemStartNorthM, altM, speed);
            }
            case NAV_RETURN_TO_LAUNCH -> {
                return rtl.step(v, speed);
            }
            case NAV_LAND -> {
                boolean here = item.x() == 0 && item.y() == 0;
                double e = here ? itemStartEastM : v.frame().eastM(item.lonDeg());
                double n = here ? itemStartNorthM : v.frame().northM(item.latDeg());
                if (!v.airborne() && arrivedAtMs >= 0) {
                    return null;
                }
                if (Math.hypot(e - v.eastM(), n - v.northM()) > 1.0 && arrivedAtMs < 0) {
                    return Setpoint.goTo(e, n, v.altitudeRelM(), speed);
                }
                arrivedAtMs = arrivedAtMs < 0 ? nowMs : arrivedAtMs;
                return Setpoint.landAt(e, n, speed);
            }
            default -> {
                double e = v.frame().eastM(item.lonDeg());
                double n = v.frame().northM(item.latDeg());
                Setpoint sp = Setpoint.goTo(e, n, flies ? altM : 0, speed);
                double accept = item.command() == NAV_WAYPOINT && item.param2() > 0 ? item.param2() : DEFAULT_ACCEPT_RADIUS_M;
                boolean there = Math.hypot(e - v.eastM(), n - v.northM()) <= accept
                        && (!flies || Math.abs(v.altitudeRelM() - altM) < 1.0);
                if (arrivedAtMs < 0 && there) {
                    arrivedAtMs = nowMs;
                }
                if (arrivedAtMs < 0) {
                    return sp;
                }
                double holdS = Math.max(0, item.param1());
                return nowMs - arrivedAtMs >= holdS * 1000 ? null : sp;
            }
        }
    }

    private void complete() {
        out.send(MissionItemReached.builder().seq(current).build());
        current++;
        itemEntered = false;
        if (current < store.count(MissionStore.MISSION)) {
            reportCurrent();
        }
    }

    int current() {
        return current;
    }

    MissionState state() {
        return state;
    }

    void reportCurrent() {
        out.send(missionCurrent());
    }

    MissionCurrent missionCurrent() {
        return MissionCurrent.builder().seq(current).total(store.count(MissionStore.MISSION)).missionState(state)
                .missionMode(state == MissionState.MISSION_STATE_ACTIVE ? 1 : 0).build();
    }
}
