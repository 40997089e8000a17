package org.skyfleet.server.dispatch;

import org.skyfleet.server.grpc.ProtoMapper;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.EtaMethod;
import org.skyfleet.fleet.dispatch.GroundUnit;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.proto.v1.AssignmentState;

/** Units and assignments between the API and the domain. */
public final class DispatchProtoMapper {
    private DispatchProtoMapper() {
    }

    static UnitType type(org.skyfleet.proto.v1.UnitType t) {
        return switch (t) {
            case UNIT_TYPE_OFFICER_ON_FOOT -> UnitType.OFFICER_ON_FOOT;
            case UNIT_TYPE_PATROL_CAR -> UnitType.PATROL_CAR;
            case UNIT_TYPE_BOAT -> UnitType.BOAT;
            case UNIT_TYPE_GROUND_ROBOT -> throw new IllegalArgumentException(
                    "unit_type: GROUND_ROBOT units are put on the roster by the server from the robot's telemetry, not reported");
            default -> null;
        };
    }

    static UnitStatus status(org.skyfleet.proto.v1.UnitStatus s) {
        return switch (s) {
            case UNIT_STATUS_AVAILABLE -> UnitStatus.AVAILABLE;
            case UNIT_STATUS_BUSY -> UnitStatus.BUSY;
            case UNIT_STATUS_OFF_DUTY -> UnitStatus.OFF_DUTY;
            case UNIT_STATUS_ASSIGNED -> UnitStatus.ASSIGNED;
            default -> null;
        };
    }

    static org.skyfleet.proto.v1.Unit unit(GroundUnit u) {
        return org.skyfleet.proto.v1.Unit.newBuilder().setUnitId(u.unitId())
                .setUnitType(org.skyfleet.proto.v1.UnitType.valueOf("UNIT_TYPE_" + u.type().name()))
                .setCallsign(u.callsign()).setPosition(ProtoMapper.point(u.position()))
                .setStatus(org.skyfleet.proto.v1.UnitStatus.valueOf("UNIT_STATUS_" + u.status().name()))
                .setLastReport(ProtoMapper.timestamp(u.lastReport())).setAssignmentId(u.assignmentId()).build();
    }

    public static org.skyfleet.proto.v1.Assignment assignment(Assignment a) {
        return org.skyfleet.proto.v1.Assignment.newBuilder().setAssignmentId(a.assignmentId()).setUnitId(a.unitId())
                .setIncidentId(a.incidentId()).setTrackId(a.trackId()).setTarget(ProtoMapper.point(a.target()))
                .setState(AssignmentState.valueOf("ASSIGNMENT_STATE_" + a.state().name())).setEtaS(a.etaS())
                .setDistanceM(a.distanceM()).setAcknowledgeBy(ProtoMapper.timestamp(a.acknowledgeBy()))
                .setUpdatedAt(ProtoMapper.timestamp(a.updatedAt())).setDescription(a.description())
                .setEtaMethod(etaMethod(a.etaMethod()))
                .addAllRoute(a.route().stream().map(ProtoMapper::point).toList()).setRouteLengthM(a.routeLengthM()).build();
    }

    static org.skyfleet.proto.v1.EtaMethod etaMethod(EtaMethod m) {
        return switch (m) {
            case ROAD -> org.skyfleet.proto.v1.EtaMethod.ETA_METHOD_ROAD;
            case STRAIGHT_LINE -> org.skyfleet.proto.v1.EtaMethod.ETA_METHOD_STRAIGHT_LINE;
            case UNKNOWN -> org.skyfleet.proto.v1.EtaMethod.ETA_METHOD_UNSPECIFIED;
        };
    }
}
