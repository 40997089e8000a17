package org.skyfleet.telemetry.mission;

import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.util.EnumValue;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.telemetry.command.VehiclePeer;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * An autopilot's side of the mission protocol for tests, PX4-like: on MISSION_COUNT it requests the items with
 * MISSION_REQUEST_INT and re-requests the current one after {@code rerequestAfter} of silence; it acks the
 * completed upload and acks it again if the last item arrives once more; it serves downloads and clears. Faults
 * can be scripted: request order, legacy MISSION_REQUEST, refusals, interim negative acks, going silent.
 */
public final class FakeMissionVehicle implements VehiclePeer {
    private static final int GCS_SYSTEM = 255;
    private static final int GCS_COMPONENT = 190;

    private record Nack(MissionResult result, int typeValue) {
    }

    private final Map<Integer, List<MissionItemInt>> stored = new HashMap<>();
    private final Map<Integer, Nack> nackBeforeRequest = new HashMap<>();
    private final Map<Integer, MissionResult> failOnItem = new HashMap<>();
    private IntFunction<List<Integer>> requestPlan = n -> IntStream.range(0, n).boxed().toList();
    private Duration rerequestAfter = Duration.ofMillis(250);
    private boolean legacyRequests;
    private boolean nackStrayItems;
    private boolean silentAfterNack;
    private MissionResult refuseCount;
    private MissionResult refuseListing;
    private boolean deaf;

    private int rxType = -1;
    private MissionItemInt[] rxItems;
    private List<Integer> plan;
    private int planIndex;
    private int rerequests;
    private ScheduledFuture<?> rerequestTimer;
    private int lastDoneType = -1;
    private int lastDoneCount;
    private int requestsSent;
    private int downloadAcks;

    /** The order (and repetitions) in which the vehicle asks for the items of an upload of {@code n}. */
    public FakeMissionVehicle requestPlan(IntFunction<List<Integer>> plan) {
        requestPlan = plan;
        return this;
    }

    public FakeMissionVehicle legacyRequests() {
        legacyRequests = true;
        return this;
    }

    public FakeMissionVehicle rerequestAfter(Duration d) {
        rerequestAfter = d;
        return this;
    }

    /** Answers an item it did not ask for with MAV_MISSION_INVALID_SEQUENCE, as ArduPilot does. */
    public FakeMissionVehicle nackStrayItems() {
        nackStrayItems = true;
        return this;
    }

    /** Just before first asking for item {@code seq}, sends a MISSION_ACK with this result (for this plan type). */
    public FakeMissionVehicle nackBeforeRequest(int seq, MissionResult result, MissionType type) {
        nackBeforeRequest.put(seq, new Nack(result, MissionWire.typeValue(type)));
        return this;
    }

    /** After a scripted negative ack the vehicle abandons the transfer and says nothing more. */
    public FakeMissionVehicle silentAfterNack() {
        silentAfterNack = true;
        return this;
    }

    /** Answers MISSION_COUNT with this result instead of requesting anything. */
    public FakeMissionVehicle refuseCount(MissionResult result) {
        refuseCount = result;
        return this;
    }

    /** Answers MISSION_REQUEST_LIST and MISSION_CLEAR_ALL with this result instead of serving them. */
    public FakeMissionVehicle refuseListing(MissionResult result) {
        refuseListing = result;
        return this;
    }

    /** Answers item {@code seq} with this result and abandons the transfer. */
    public FakeMissionVehicle failOnItem(int seq, MissionResult result) {
        failOnItem.put(seq, result);
        return this;
    }

    /** Hears nothing at all. */
    public FakeMissionVehicle deaf() {
        deaf = true;
        return this;
    }

    public List<MissionItem> stored(MissionType type) {
        return stored.getOrDefault(MissionWire.typeValue(type), List.of()).stream().map(MissionWire::fromMavlink).toList();
    }

    public int requestsSent() {
        return requestsSent;
    }

    public int downloadAcks() {
        return downloadAcks;
    }

    @Override
    public void onFrame(MavlinkFrame fromGround, Outbox out) {
        if (deaf) {
            return;
        }
        Object p = fromGround.payload();
        if (p instanceof MissionCount c) {
            onCount(c.count(), c.missionType().value(), out);
        } else if (p instanceof MissionItemInt item) {
            onItem(item, out);
        } else if (refuseListing != null && (p instanceof MissionRequestList || p instanceof MissionClearAll)) {
            int type = p instanceof MissionRequestList r ? r.missionType().value() : ((MissionClearAll) p).missionType().value();
            out.send(ack(refuseListing, type));
        } else if (p instanceof MissionRequestList r) {
            int type = r.missionType().value();
            out.send(MissionCount.builder().targetSystem(GCS_SYSTEM).targetComponent(GCS_COMPONENT)
                    .count(stored.getOrDefault(type, List.of()).size()).missionType(type(type)).build());
        } else if (p instanceof MissionRequestInt r) {
            List<MissionItemInt> items = stored.getOrDefault(r.missionType().value(), List.of());
            if (r.seq() < items.size()) {
                out.send(toGround(items.get(r.seq())));
            }
        } else if (p instanceof MissionAck) {
            downloadAcks++;
        } else if (p instanceof MissionClearAll c) {
            stored.remove(c.missionType().value());
            out.send(ack(MissionResult.ACCEPTED, c.missionType().value()));
        }
    }

    private void onCount(int count, int type, Outbox out) {
        if (refuseCount != null) {
            out.send(ack(refuseCount, type));
            return;
        }
        abandon();
        rxType = type;
        rxItems = new MissionItemInt[count];
        plan = requestPlan.apply(count);
        planIndex = 0;
        if (count == 0) {
            complete(out);
        } else {
            requestCurrent(out, true);
        }
    }

    private void requestCurrent(Outbox out, boolean firstTime) {
        int seq = plan.get(planIndex);
        Nack nack = firstTime ? nackBeforeRequest.remove(seq) : null;
        if (nack != null) {
            out.send(ack(nack.result, nack.typeValue));
            if (silentAfterNack) {
                abandon();
                return;
            }
        }
        requestsSent++;
        out.send(legacyRequests
                ? MissionRequest.builder().targetSystem(GCS_SYSTEM).targetComponent(GCS_COMPONENT).seq(seq)
                        .missionType(type(rxType)).build()
                : MissionRequestInt.builder().targetSystem(GCS_SYSTEM).targetComponent(GCS_COMPONENT).seq(seq)
                        .missionType(type(rxType)).build());
        cancelTimer();
        rerequestTimer = out.schedule(() -> {
            rerequestTimer = null;
            if (++rerequests > 20) {
                abandon();
            } else {
                requestCurrent(out, false);
            }
        }, rerequestAfter);
    }

    private void onItem(MissionItemInt item, Outbox out) {
        int type = item.missionType().value();
        if (rxType != type) {
            if (type == lastDoneType && item.seq() == lastDoneCount - 1) {
                out.send(ack(MissionResult.ACCEPTED, type));  // our ACCEPTED was lost: say it again
            }
            return;
        }
        if (item.seq() != plan.get(planIndex)) {
            if (nackStrayItems) {
                out.send(ack(MissionResult.INVALID_SEQUENCE, type));
            }
            return;
        }
        MissionResult failure = failOnItem.remove(item.seq());
        if (failure != null) {
            out.send(ack(failure, type));
            abandon();
            return;
        }
        rxItems[item.seq()] = item;
        planIndex++;
        rerequests = 0;
        if (planIndex == plan.size()) {
            complete(out);
        } else {
            requestCurrent(out, true);
        }
    }

    private void complete(Outbox out) {
        List<MissionItemInt> items = new ArrayList<>(List.of(rxItems));
        stored.put(rxType, items);
        lastDoneType = rxType;
        lastDoneCount = items.size();
        out.send(ack(MissionResult.ACCEPTED, rxType));
        abandon();
    }

    private void abandon() {
        cancelTimer();
        rxType = -1;
    }

    private void cancelTimer() {
        if (rerequestTimer != null) {
            rerequestTimer.cancel(false);
            rerequestTimer = null;
        }
    }

    private static EnumValue<MavMissionType> type(int value) {
        return EnumValue.create(MavMissionType.class, value);
    }

    private static MissionAck ack(MissionResult result, int type) {
        return MissionAck.builder().targetSystem(GCS_SYSTEM).targetComponent(GCS_COMPONENT)
                .type(MissionWire.resultOf(result)).missionType(type(type)).build();
    }

    private static MissionItemInt toGround(MissionItemInt m) {
        return MissionItemInt.builder().targetSystem(GCS_SYSTEM).targetComponent(GCS_COMPONENT).seq(m.seq())
                .frame(m.frame()).command(m.command()).current(0).autocontinue(m.autocontinue())
                .param1(m.param1()).param2(m.param2()).param3(m.param3()).param4(m.param4())
                .x(m.x()).y(m.y()).z(m.z()).missionType(m.missionType()).build();
    }
}
