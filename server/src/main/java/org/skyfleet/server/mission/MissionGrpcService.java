package org.skyfleet.server.mission;

import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import java.util.function.UnaryOperator;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.proto.v1.AbortMissionRequest;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.ExportMissionRequest;
import org.skyfleet.proto.v1.ExportMissionResponse;
import org.skyfleet.proto.v1.GetMissionRequest;
import org.skyfleet.proto.v1.ImportMissionRequest;
import org.skyfleet.proto.v1.ImportMissionResponse;
import org.skyfleet.proto.v1.ListMissionsRequest;
import org.skyfleet.proto.v1.ListMissionsResponse;
import org.skyfleet.proto.v1.MissionProgress;
import org.skyfleet.proto.v1.MissionResponse;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.PauseMissionRequest;
import org.skyfleet.proto.v1.PlanMissionRequest;
import org.skyfleet.proto.v1.PlanMissionResponse;
import org.skyfleet.proto.v1.ResumeMissionRequest;
import org.skyfleet.proto.v1.StartMissionRequest;
import org.skyfleet.proto.v1.StreamMissionProgressRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.ValidateMissionRequest;
import org.skyfleet.proto.v1.ValidateMissionResponse;
import org.skyfleet.server.control.ControlProtoMapper;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * {@code skyfleet.v1.MissionService}: planning ({@link MissionPlanning}, on its own bounded pool), the
 * lifecycle of stored missions ({@link MissionControl}) and their progress ({@link MissionProgressStream}).
 * Refusals become statuses through {@link StatusMapping}.
 */
public final class MissionGrpcService extends MissionServiceGrpc.MissionServiceImplBase implements AutoCloseable {
    private final MissionControl control;
    private final MissionPlanning planning;
    private final MissionProgressStream progress;
    private final MissionLaunch launch;

    /**
     * @param activeZones adds the zones in force now (the geofence service's) to a request's own airspace
     * @param clock       the time progress is estimated at
     */
    public MissionGrpcService(VehicleRegistry vehicles, MissionControl control, UnaryOperator<Airspace> activeZones,
                              InstantSource clock) {
        this(vehicles, control, activeZones, clock, org.skyfleet.fleet.airframe.EnduranceSource.NONE);
    }

    /** @param endurance what a live vehicle's plan may count on (its profile, its battery now, its learned consumption) */
    public MissionGrpcService(VehicleRegistry vehicles, MissionControl control, UnaryOperator<Airspace> activeZones,
                              InstantSource clock, org.skyfleet.fleet.airframe.EnduranceSource endurance) {
        this.control = control;
        this.planning = new MissionPlanning(vehicles, activeZones, endurance);
        this.progress = new MissionProgressStream(control, vehicles, clock);
        this.launch = new MissionLaunch(control);
    }

    @Override
    public void planMission(PlanMissionRequest request, StreamObserver<PlanMissionResponse> observer) {
        planning.run(observer, () -> planning.plan(request));
    }

    @Override
    public void validateMission(ValidateMissionRequest request, StreamObserver<ValidateMissionResponse> observer) {
        planning.run(observer, () -> planning.validate(request));
    }

    @Override
    public void exportMission(ExportMissionRequest request, StreamObserver<ExportMissionResponse> observer) {
        planning.run(observer, () -> planning.export(request));
    }

    @Override
    public void importMission(ImportMissionRequest request, StreamObserver<ImportMissionResponse> observer) {
        planning.run(observer, () -> planning.importPlan(request));
    }

    @Override
    public void createMission(CreateMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answer(observer, () -> {
            if (request.getVehicleId().isBlank()) {
                throw new IllegalArgumentException("vehicle_id is required: the vehicle that will fly the route");
            }
            if (!request.hasRoute() || request.getRoute().getWaypointsCount() == 0) {
                throw new IllegalArgumentException("route has no waypoints: pass a route of a plan from PlanMission");
            }
            return response(control.create(CallerInterceptor.require(), request.getVehicleId(),
                    PlanRequestMapper.route(request.getRoute()), request.getCruiseSpeedMS()), null);
        });
    }

    @Override
    public void getMission(GetMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answer(observer, () -> response(control.find(request.getMissionId()), null));
    }

    @Override
    public void listMissions(ListMissionsRequest request, StreamObserver<ListMissionsResponse> observer) {
        StatusMapping.answer(observer, () -> {
            var b = ListMissionsResponse.newBuilder();
            control.book().list(request.getVehicleId()).forEach(m -> b.addMissions(MissionProtoMapper.mission(m)));
            return b.build();
        });
    }

    @Override
    public void approveMission(ApproveMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answer(observer, () -> response(control.approve(CallerInterceptor.require(), request.getMissionId(),
                request.getReason()), null));
    }

    @Override
    public void uploadMission(UploadMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answerLater(observer, () -> control.upload(CallerInterceptor.require(), request.getMissionId())
                .thenApply(m -> response(m, null)));
    }

    @Override
    public void startMission(StartMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answerLater(observer, () -> control.start(CallerInterceptor.require(), request.getMissionId())
                .thenApply(MissionGrpcService::response));
    }

    @Override
    public void pauseMission(PauseMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answerLater(observer, () -> control.pause(CallerInterceptor.require(), request.getMissionId())
                .thenApply(MissionGrpcService::response));
    }

    @Override
    public void resumeMission(ResumeMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answerLater(observer, () -> control.resume(CallerInterceptor.require(), request.getMissionId())
                .thenApply(MissionGrpcService::response));
    }

    @Override
    public void abortMission(AbortMissionRequest request, StreamObserver<MissionResponse> observer) {
        StatusMapping.answerLater(observer, () -> control.abort(CallerInterceptor.require(), request.getMissionId(),
                request.getReason()).thenApply(MissionGrpcService::response));
    }

    @Override
    public void streamMissionProgress(StreamMissionProgressRequest request, StreamObserver<MissionProgress> observer) {
        progress.open(request.getMissionId(), observer);
    }

    @Override
    public void launchMissions(org.skyfleet.proto.v1.LaunchMissionsRequest request,
                               StreamObserver<org.skyfleet.proto.v1.LaunchMissionsResponse> observer) {
        StatusMapping.answerLater(observer, () -> launch.launch(CallerInterceptor.require(), request));
    }

    private static MissionResponse response(MissionControl.CommandAndMission r) {
        return response(r.mission(), r.command());
    }

    private static MissionResponse response(Mission m, CommandOutcome command) {
        var b = MissionResponse.newBuilder().setMission(MissionProtoMapper.mission(m));
        if (command != null) {
            b.setCommandResult(ControlProtoMapper.result(command.result()));
        }
        return b.build();
    }

    @Override
    public void close() {
        planning.close();
        progress.close();
    }
}
