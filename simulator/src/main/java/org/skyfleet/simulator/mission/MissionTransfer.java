package org.skyfleet.simulator.mission;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.skyfleet.simulator.mavlink.Outbox;

/**
 * The vehicle's side of the MAVLink mission protocol, as PX4's mission manager runs it.
 *
 * <p>Upload: MISSION_COUNT starts a transfer (0 clears the type, more than {@link MissionItemCheck#CAPACITY}
 * is refused with NO_SPACE); the vehicle asks for each item in turn with MISSION_REQUEST_INT (legacy
 * MISSION_REQUEST once the ground station sends legacy MISSION_ITEMs), repeats a request that got no
 * answer after {@link #RETRY_MS}, ignores a duplicate of the item it already has, refuses an item it
 * cannot fly or one out of sequence with the matching MISSION_ACK, gives up after {@link #TIMEOUT_MS}
 * of silence, and ends with MISSION_ACK ACCEPTED once the last item is stored. Download:
 * MISSION_REQUEST_LIST is answered with MISSION_COUNT, each MISSION_REQUEST_INT with MISSION_ITEM_INT and
 * each legacy MISSION_REQUEST with MISSION_ITEM. MISSION_CLEAR_ALL clears one type or all.
 */
public final class MissionTransfer {
    public static final long RETRY_MS = 250;
    public static final long TIMEOUT_MS = 5000;

    private final Outbox out;
    private final MissionStore store;
    private final MissionItemCheck check;
    private final IntSupplier currentSeq;
    private boolean receiving;
    private int type;
    private int count;
    private final List<MissionPlanItem> received = new ArrayList<>();
    private int gcsSystem;
    private int gcsComponent;
    private boolean legacy;
    private long lastHeardMs;
    private long lastRequestMs;
    /** The last upload finished ACCEPTED: a repeat of its last item means our ACK was lost. */
    private boolean lastUploadAccepted;

    public MissionTransfer(Outbox out, MissionStore store, MissionItemCheck check, IntSupplier currentSeq) {
        this.out = out;
        this.store = store;
        this.check = check;
        this.currentSeq = currentSeq;
    }

    public void onCount(int count, int missionType, int fromSystem, int fromComponent, long nowMs) {
        if (receiving && missionType == type && count == this.count && received.isEmpty()) {
            request(nowMs);  // a repeated MISSION_COUNT: our first request was lost
            return;
        }
        gcsSystem = fromSystem;
        gcsComponent = fromComponent;
        receiving = false;
        lastUploadAccepted = false;
        if (!MissionStore.isKnownType(missionType)) {
            ack(missionType, MavMissionResult.MAV_MISSION_UNSUPPORTED);
            return;
        }
        if (count == 0) {
            store.replace(missionType, List.of());
            ack(missionType, MavMissionResult.MAV_MISSION_ACCEPTED);
            return;
        }
        if (count > MissionItemCheck.CAPACITY) {
            ack(missionType, MavMissionResult.MAV_MISSION_NO_SPACE);
            return;
        }
        receiving = true;
        type = missionType;
        this.count = count;
        legacy = false;
        received.clear();
        lastHeardMs = nowMs;
        request(nowMs);
    }

    /** An item arrived (MISSION_ITEM_INT, or MISSION_ITEM with {@code legacyItem}). */
    public void onItem(MissionPlanItem item, boolean legacyItem, long nowMs) {
        if (!receiving && lastUploadAccepted && item.missionType() == type && item.seq() == count - 1) {
            // As PX4 does: the ground station re-sent the last item, so it never got our ACK; say it again.
            ack(type, MavMissionResult.MAV_MISSION_ACCEPTED);
            return;
        }
        if (!receiving || item.missionType() != type) {
            return;
        }
        legacy = legacyItem;
        lastHeardMs = nowMs;
        int expected = received.size();
        if (item.seq() < expected) {
            return;  // a duplicate answer to a repeated request
        }
        if (item.seq() > expected) {
            fail(MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, "item " + item.seq() + " out of sequence");
            return;
        }
        MavMissionResult result = check.check(item);
        if (result != MavMissionResult.MAV_MISSION_ACCEPTED) {
            fail(result, "item " + item.seq() + " refused");
            return;
        }
        received.add(item);
        if (received.size() < count) {
            request(nowMs);
            return;
        }
        if (type == MissionStore.FENCE && MissionItemCheck.checkFencePolygons(received) != MavMissionResult.MAV_MISSION_ACCEPTED) {
            fail(MavMissionResult.MAV_MISSION_INVALID, "fence polygon incomplete");
            return;
        }
        receiving = false;
        store.replace(type, List.copyOf(received));
        lastUploadAccepted = true;
        ack(type, MavMissionResult.MAV_MISSION_ACCEPTED);
    }

    private void fail(MavMissionResult result, String why) {
        receiving = false;
        out.statustext(MavSeverity.MAV_SEVERITY_WARNING, "Mission upload rejected: " + why);
        ack(type, result);
    }

    /** Repeats an unanswered request and abandons a transfer the ground station has left. */
    public void step(long nowMs) {
        if (!receiving) {
            return;
        }
        if (nowMs - lastHeardMs > TIMEOUT_MS) {
            receiving = false;
            out.statustext(MavSeverity.MAV_SEVERITY_WARNING, "Mission upload timed out");
            ack(type, MavMissionResult.MAV_MISSION_OPERATION_CANCELLED);
        } else if (nowMs - lastRequestMs >= RETRY_MS) {
            request(nowMs);
        }
    }

    private void request(long nowMs) {
        lastRequestMs = nowMs;
        EnumValue<MavMissionType> t = EnumValue.create(MavMissionType.class, type);
        if (legacy) {
            out.send(MissionRequest.builder().targetSystem(gcsSystem).targetComponent(gcsComponent)
                    .seq(received.size()).missionType(t).build());
        } else {
            out.send(MissionRequestInt.builder().targetSystem(gcsSystem).targetComponent(gcsComponent)
                    .seq(received.size()).missionType(t).build());
        }
    }

    public void onRequestList(int missionType, int fromSystem, int fromComponent) {
        if (!MissionStore.isKnownType(missionType)) {
            out.send(ackMessage(fromSystem, fromComponent, missionType, MavMissionResult.MAV_MISSION_UNSUPPORTED));
            return;
        }
        out.send(MissionCount.builder().targetSystem(fromSystem).targetComponent(fromComponent)
                .count(store.count(missionType)).missionType(EnumValue.create(MavMissionType.class, missionType)).build());
    }

    /** A download request for one item, MISSION_REQUEST_INT or legacy MISSION_REQUEST. */
    public void onRequest(int seq, int missionType, boolean legacyRequest, int fromSystem, int fromComponent) {
        if (!MissionStore.isKnownType(missionType) || seq < 0 || seq >= store.count(missionType)) {
            out.send(ackMessage(fromSystem, fromComponent, missionType, MavMissionResult.MAV_MISSION_INVALID_SEQUENCE));
            return;
        }
        MissionPlanItem item = store.items(missionType).get(seq);
        boolean current = missionType == MissionStore.MISSION && seq == currentSeq.getAsInt();
        out.send(legacyRequest ? item.toLegacyItem(fromSystem, fromComponent, current)
                : item.toItemInt(fromSystem, fromComponent, current));
    }

    public void onClearAll(int missionType, int fromSystem, int fromComponent) {
        if (missionType == MissionStore.ALL) {
            store.replace(MissionStore.MISSION, List.of());
            store.replace(MissionStore.FENCE, List.of());
            store.replace(MissionStore.RALLY, List.of());
        } else if (MissionStore.isKnownType(missionType)) {
            store.replace(missionType, List.of());
        } else {
            out.send(ackMessage(fromSystem, fromComponent, missionType, MavMissionResult.MAV_MISSION_UNSUPPORTED));
            return;
        }
        out.send(ackMessage(fromSystem, fromComponent, missionType, MavMissionResult.MAV_MISSION_ACCEPTED));
    }

    public boolean isReceiving() {
        return receiving;
    }

    private void ack(int missionType, MavMissionResult result) {
        out.send(ackMessage(gcsSystem, gcsComponent, missionType, result));
    }

    private static MissionAck ackMessage(int system, int component, int missionType, MavMissionResult result) {
        return MissionAck.builder().targetSystem(system).targetComponent(component).type(result)
                .missionType(EnumValue.create(MavMissionType.class, missionType)).build();
    }
}
