package org.skyfleet.server.robot;

import io.grpc.stub.StreamObserver;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.proto.v1.ListRobotsRequest;
import org.skyfleet.proto.v1.ListRobotsResponse;
import org.skyfleet.proto.v1.PairRobotRequest;
import org.skyfleet.proto.v1.PairRobotResponse;
import org.skyfleet.proto.v1.RobotServiceGrpc;
import org.skyfleet.proto.v1.UnpairRobotRequest;
import org.skyfleet.proto.v1.UnpairRobotResponse;
import org.skyfleet.server.grpc.Permissions;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * {@code skyfleet.v1.RobotService}: pairs and unpairs robots with officers. Dispatchers and commanders task any
 * robot; an officer pairs a robot with their own unit (the subject is the unit id) and unpairs only that one.
 */
public final class RobotGrpcService extends RobotServiceGrpc.RobotServiceImplBase {
    private final RobotTaskings taskings;
    private final RobotProtoMapper mapper;

    RobotGrpcService(RobotTaskings taskings, RobotProtoMapper mapper) {
        this.taskings = taskings;
        this.mapper = mapper;
    }

    @Override
    public void pairRobot(PairRobotRequest request, StreamObserver<PairRobotResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("pair robots", Role.OFFICER, Role.DISPATCHER, Role.COMMANDER);
            return PairRobotResponse.newBuilder().setRobot(mapper.robot(taskings.pair(caller, request.getRobotVehicleId(),
                    request.getUnitId(), request.getStandOffM()))).build();
        });
    }

    @Override
    public void unpairRobot(UnpairRobotRequest request, StreamObserver<UnpairRobotResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("unpair robots", Role.OFFICER, Role.DISPATCHER, Role.COMMANDER);
            return UnpairRobotResponse.newBuilder().setRobot(mapper.robot(taskings.unpair(caller, request.getRobotVehicleId())))
                    .build();
        });
    }

    @Override
    public void listRobots(ListRobotsRequest request, StreamObserver<ListRobotsResponse> observer) {
        StatusMapping.answer(observer, () -> ListRobotsResponse.newBuilder()
                .addAllRobots(taskings.all().stream().map(mapper::robot).toList()).build());
    }
}
