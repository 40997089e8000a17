package org.skyfleet.telemetry.mission;

import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.telemetry.command.VehicleLink;

/**
 * Downloads a plan: MISSION_REQUEST_LIST, the vehicle's MISSION_COUNT, then MISSION_REQUEST_INT for each seq in
 * turn; when the last item is in, MISSION_ACK ACCEPTED to the vehicle. Silence re-sends the last request (the
 * list request until the count arrives). An item other than the one asked for is ignored; a repeated
 * MISSION_COUNT (the answer to a re-sent list request) asks for the current item again. A negative MISSION_ACK
 * from the vehicle ends the download, naming it. A count of zero completes at once with no items.
 */
final class MissionDownload extends TransferSession {
    private final List<MissionItem> received = new ArrayList<>();
    private int count = -1;

    MissionDownload(VehicleLink link, TransferConfig config, String vehicleId, int systemId, MissionType type) {
        super(link, config, vehicleId, systemId, type);
    }

    @Override
    void start() {
        sendOpening(MissionRequestList.builder().targetSystem(systemId).targetComponent(AUTOPILOT_COMPONENT)
                .missionType(MissionWire.typeOf(type)).build());
    }

    @Override
    void onPayload(Object payload) {
        if (payload instanceof MissionCount c && ofOurType(c.missionType())) {
            onCount(c.count());
        } else if (payload instanceof MissionItemInt item && ofOurType(item.missionType())) {
            onItem(item);
        } else if (payload instanceof MissionAck a && ofOurType(a.missionType())) {
            MissionResult result = MissionWire.result(a.type().value());
            if (result != MissionResult.ACCEPTED) {
                finish(outcome(TransferStatus.REJECTED, result, List.of(), "vehicle answered " + result.mavlinkName()));
            }
        }
    }

    private void onCount(int n) {
        if (count < 0) {
            count = n;
            if (count == 0) {
                complete();
                return;
            }
        }
        requestNext();
    }

    private void onItem(MissionItemInt item) {
        if (count < 0 || item.seq() != received.size()) {
            return;
        }
        received.add(MissionWire.fromMavlink(item));
        if (received.size() == count) {
            complete();
        } else {
            requestNext();
        }
    }

    private void requestNext() {
        sendStep(MissionRequestInt.builder().targetSystem(systemId).targetComponent(AUTOPILOT_COMPONENT)
                .seq(received.size()).missionType(MissionWire.typeOf(type)).build());
    }

    private void complete() {
        sendFinal(MissionAck.builder().targetSystem(systemId).targetComponent(AUTOPILOT_COMPONENT)
                .type(MissionWire.resultOf(MissionResult.ACCEPTED)).missionType(MissionWire.typeOf(type)).build());
        finish(outcome(TransferStatus.COMPLETED, MissionResult.ACCEPTED, received, ""));
    }
}
