package org.skyfleet.telemetry.mission;

import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import java.util.BitSet;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.telemetry.command.VehicleLink;

/**
 * Uploads a plan: MISSION_COUNT, then the MISSION_ITEM_INT the vehicle asks for with each MISSION_REQUEST_INT
 * or legacy MISSION_REQUEST, in whatever order and as often as it asks, until it sends MISSION_ACK.
 *
 * <p>The vehicle's verdict:
 * <ul>
 *   <li>MISSION_ACK ACCEPTED after every item was requested at least once: completed.</li>
 *   <li>ACCEPTED before every item was requested is ignored: no vehicle accepts items it never asked for, but
 *       one that re-acknowledges an earlier upload (its last item arrived twice) sends exactly this. QGroundControl
 *       fails the upload instead; ignoring it costs nothing when it is stale and ends in a timeout when not.</li>
 *   <li>Interim negative acks are tolerated. ArduPilot answers an item it did not expect (a duplicate caused by
 *       a retransmission crossing a slow request) with MAV_MISSION_INVALID_SEQUENCE, and some stacks send
 *       MAV_MISSION_ERROR for such a stray item, yet keep requesting. So once the vehicle has asked for an item,
 *       INVALID_SEQUENCE at any time and ERROR while items remain unrequested are counted in
 *       {@code toleratedNacks} and the transfer goes on; QGroundControl likewise ignores INVALID_SEQUENCE from
 *       ArduPilot and leaves it to the timeouts. If the vehicle then falls silent, the upload is rejected naming
 *       that ack rather than reported as a bare timeout.</li>
 *   <li>Any other result, and ERROR once every item has been requested or before the first request, is final:
 *       rejected, naming the MAV_MISSION_RESULT.</li>
 * </ul>
 * Silence re-sends the last message: MISSION_COUNT until the first request, afterwards the last item sent.
 * A request for a seq beyond the count is ignored (the timeouts end a transfer with a vehicle that confused).
 */
final class MissionUpload extends TransferSession {
    private final List<MissionItem> items;
    private final BitSet requested = new BitSet();
    private MissionResult provisionalNack;

    MissionUpload(VehicleLink link, TransferConfig config, String vehicleId, int systemId, MissionType type,
                  List<MissionItem> items) {
        super(link, config, vehicleId, systemId, type);
        this.items = List.copyOf(items);
    }

    @Override
    void start() {
        sendOpening(MissionCount.builder().targetSystem(systemId).targetComponent(AUTOPILOT_COMPONENT)
                .count(items.size()).missionType(MissionWire.typeOf(type)).build());
    }

    @Override
    void onPayload(Object payload) {
        if (payload instanceof MissionRequestInt r && ofOurType(r.missionType())) {
            onRequest(r.seq());
        } else if (payload instanceof MissionRequest r && ofOurType(r.missionType())) {
            onRequest(r.seq());
        } else if (payload instanceof MissionAck a && ofOurType(a.missionType())) {
            onAck(MissionWire.result(a.type().value()));
        }
    }

    private void onRequest(int seq) {
        if (seq < 0 || seq >= items.size()) {
            return;
        }
        requested.set(seq);
        sendStep(MissionWire.toMavlink(systemId, AUTOPILOT_COMPONENT, seq, items.get(seq), type));
    }

    private void onAck(MissionResult result) {
        boolean allRequested = requested.cardinality() == items.size();
        if (result == MissionResult.ACCEPTED) {
            if (allRequested) {
                finish(outcome(TransferStatus.COMPLETED, result, List.of(), ""));
            }
            // Otherwise stale: the re-ack of an earlier upload's repeated last item. The requests go on.
            return;
        }
        boolean started = !requested.isEmpty();
        boolean interim = started && (result == MissionResult.INVALID_SEQUENCE
                || (result == MissionResult.ERROR && !allRequested));
        if (interim) {
            toleratedNacks++;
            provisionalNack = result;
            return;
        }
        finish(outcome(TransferStatus.REJECTED, result, List.of(), "vehicle answered " + result.mavlinkName()));
    }

    @Override
    TransferOutcome timedOut() {
        if (provisionalNack == null) {
            return super.timedOut();
        }
        return outcome(TransferStatus.REJECTED, provisionalNack, List.of(), "vehicle sent "
                + provisionalNack.mavlinkName() + " mid-transfer, then stopped answering");
    }
}
