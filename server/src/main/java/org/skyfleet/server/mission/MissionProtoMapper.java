package org.skyfleet.server.mission;

import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionTransition;
import org.skyfleet.proto.v1.MissionState;
import org.skyfleet.proto.v1.MissionTransitionRecord;

/** Missions of the lifecycle to protobuf. */
final class MissionProtoMapper {
    private MissionProtoMapper() {
    }

    static org.skyfleet.proto.v1.Mission mission(Mission m) {
        var b = org.skyfleet.proto.v1.Mission.newBuilder().setMissionId(m.missionId()).setVehicleId(m.vehicleId())
                .setState(state(m.state())).setContentSha256(m.contentHash().sha256Hex())
                .setItemsDone(m.itemsDone()).setCurrentSeq(m.currentSeq());
        for (int i = 0; i < m.items().size(); i++) {
            b.addItems(item(i, m.items().get(i)));
        }
        for (MissionTransition t : m.transitions()) {
            b.addTransitions(MissionTransitionRecord.newBuilder().setFrom(state(t.from())).setTo(state(t.to()))
                    .setTimeUnixMs(t.time().toEpochMilli()).setActor(t.actor()).setReason(t.reason()));
        }
        return b.build();
    }

    static MissionState state(org.skyfleet.fleet.mission.MissionState s) {
        return MissionState.forNumber(s.ordinal() + 1);
    }

    private static org.skyfleet.proto.v1.MissionItem item(int seq, MissionItem i) {
        return org.skyfleet.proto.v1.MissionItem.newBuilder().setSeq(seq).setFrame(i.frame()).setCommand(i.command())
                .setParam1(i.param1()).setParam2(i.param2()).setParam3(i.param3()).setParam4(i.param4())
                .setXDegE7(i.xDegE7()).setYDegE7(i.yDegE7()).setZM(i.zM()).setAutocontinue(i.autocontinue()).build();
    }
}
