package org.skyfleet.server.robot;

import java.util.function.Function;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.Robot;
import org.skyfleet.proto.v1.RobotDuty;
import org.skyfleet.server.grpc.ProtoMapper;

/** A robot's tasking, its escort state and its dock as the API shows them. */
final class RobotProtoMapper {
    private final Function<String, String> escortState;
    private final Function<String, java.util.Optional<org.skyfleet.planner.geo.GeoPoint>> dock;

    RobotProtoMapper(Function<String, String> escortState, Function<String, java.util.Optional<org.skyfleet.planner.geo.GeoPoint>> dock) {
        this.escortState = escortState;
        this.dock = dock;
    }

    Robot robot(RobotTasking t) {
        Robot.Builder b = Robot.newBuilder().setRobotVehicleId(t.robotVehicleId()).setDuty(duty(t.duty())).setUnitId(t.unitId())
                .setStandOffM(t.standOffM()).setChangedBy(t.changedBy()).setChangedAt(ProtoMapper.timestamp(t.changedAt()));
        if (t.duty() == RobotTasking.Duty.FOLLOWING) {
            b.setEscortState(escortState.apply(t.robotVehicleId()));
        }
        dock.apply(t.robotVehicleId()).ifPresent(d -> b.setDock(GeoPoint.newBuilder().setLatDeg(d.latDeg()).setLonDeg(d.lonDeg())));
        return b.build();
    }

    static RobotDuty duty(RobotTasking.Duty d) {
        return switch (d) {
            case FOLLOWING -> RobotDuty.ROBOT_DUTY_FOLLOWING;
            case PATROLLING -> RobotDuty.ROBOT_DUTY_PATROLLING;
            case DOCKING -> RobotDuty.ROBOT_DUTY_DOCKING;
            case DOCKED -> RobotDuty.ROBOT_DUTY_DOCKED;
        };
    }
}
