package org.skyfleet.telemetry.mission;

import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import java.util.List;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.telemetry.command.VehicleLink;

/** Clears a plan: MISSION_CLEAR_ALL, re-sent on silence, until the vehicle's MISSION_ACK says how it went. */
final class MissionClear extends TransferSession {

    MissionClear(VehicleLink link, TransferConfig config, String vehicleId, int systemId, MissionType type) {
        super(link, config, vehicleId, systemId, type);
    }

    @Override
    void start() {
        sendOpening(MissionClearAll.builder().targetSystem(systemId).targetComponent(AUTOPILOT_COMPONENT)
                .missionType(MissionWire.typeOf(type)).build());
    }

    @Override
    void onPayload(Object payload) {
        if (payload instanceof MissionAck a && ofOurType(a.missionType())) {
            MissionResult result = MissionWire.result(a.type().value());
            finish(outcome(result == MissionResult.ACCEPTED ? TransferStatus.COMPLETED : TransferStatus.REJECTED,
                    result, List.of(), result == MissionResult.ACCEPTED ? "" : "vehicle answered " + result.mavlinkName()));
        }
    }
}
