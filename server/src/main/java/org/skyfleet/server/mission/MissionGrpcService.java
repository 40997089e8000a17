package org.skyfleet.server.mission;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.export.GeoJsonExport;
import org.skyfleet.planner.export.KmlExport;
import org.skyfleet.planner.export.MavlinkMissionExport;
import org.skyfleet.planner.export.MavlinkMissionItem;
import org.skyfleet.planner.export.QgcPlanExport;
import org.skyfleet.planner.export.QgcPlanImport;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.validation.Violation;
import org.skyfleet.proto.v1.ExportMissionRequest;
import org.skyfleet.proto.v1.ExportMissionResponse;
import org.skyfleet.proto.v1.ImportMissionRequest;
import org.skyfleet.proto.v1.ImportMissionResponse;
import org.skyfleet.proto.v1.MissionItem;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.PlanMissionRequest;
import org.skyfleet.proto.v1.PlanMissionResponse;
import org.skyfleet.proto.v1.ValidateMissionRequest;
import org.skyfleet.proto.v1.ValidateMissionResponse;
import org.skyfleet.proto.v1.VehicleType;

/**
 * {@code skyfleet.v1.MissionService}. Planning can take a few hundred milliseconds on a large area, so
 * it runs on a small bounded pool of its own: gRPC's threads stay free, and a burst of huge requests
 * gets RESOURCE_EXHAUSTED instead of a server that stops answering.
 */
public final class MissionGrpcService extends MissionServiceGrpc.MissionServiceImplBase implements AutoCloseable {
    static final int PLANNER_THREADS = 2;
    static final int PLANNER_QUEUE = 16;
    static final int MAX_IMPORT_CHARS = 8 * 1024 * 1024;

    private final MissionPlanner planner = new MissionPlanner();
    private final PlanRequestMapper requests;
    private final VehicleRegistry vehicles;
    private final ExecutorService pool = new ThreadPoolExecutor(PLANNER_THREADS, PLANNER_THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(PLANNER_QUEUE), r -> {
                Thread t = new Thread(r, "skyfleet-planner");
                t.setDaemon(true);
                return t;
            });

    private final MissionControl control;
    private final java.util.concurrent.ScheduledExecutorService progressTicker =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "skyfleet-mission-progress");
                t.setDaemon(true);
                return t;
            });

    private final java.util.function.UnaryOperator<org.skyfleet.planner.airspace.Airspace> activeZones;

    /**
     * @param activeZones adds the zones in force now (the geofence service's) to a request's own airspace
     */
    public MissionGrpcService(VehicleRegistry vehicles, MissionControl control,
                              java.util.function.UnaryOperator<org.skyfleet.planner.airspace.Airspace> activeZones) {
        this.vehicles = vehicles;
        this.requests = new PlanRequestMapper(vehicles);
        this.control = control;
        this.activeZones = activeZones;
    }

    @Override
    public void createMission(org.skyfleet.proto.v1.CreateMissionRequest request,
                              StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> {
            if (request.getRoute().getWaypointsCount() == 0) {
                throw Status.INVALID_ARGUMENT.withDescription("route has no waypoints: pass a route of a plan from PlanMission")
                        .asRuntimeException();
            }
            var m = control.create(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getVehicleId(),
                    PlanRequestMapper.route(request.getRoute()), request.getCruiseSpeedMS());
            return java.util.concurrent.CompletableFuture.completedFuture(missionResponse(m, null));
        });
    }

    @Override
    public void getMission(org.skyfleet.proto.v1.GetMissionRequest request,
                           StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> java.util.concurrent.CompletableFuture.completedFuture(
                missionResponse(control.find(request.getMissionId()), null)));
    }

    @Override
    public void listMissions(org.skyfleet.proto.v1.ListMissionsRequest request,
                             StreamObserver<org.skyfleet.proto.v1.ListMissionsResponse> observer) {
        var b = org.skyfleet.proto.v1.ListMissionsResponse.newBuilder();
        control.book().list(request.getVehicleId()).forEach(m -> b.addMissions(MissionProtoMapper.mission(m)));
        observer.onNext(b.build());
        observer.onCompleted();
    }

    @Override
    public void approveMission(org.skyfleet.proto.v1.MissionActionRequest request,
                               StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> java.util.concurrent.CompletableFuture.completedFuture(missionResponse(
                control.approve(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getMissionId()), null)));
    }

    @Override
    public void uploadMission(org.skyfleet.proto.v1.MissionActionRequest request,
                              StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> control.upload(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getMissionId())
                .thenApply(m -> missionResponse(m, null)));
    }

    @Override
    public void startMission(org.skyfleet.proto.v1.MissionActionRequest request,
                             StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> control.start(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getMissionId())
                .thenApply(r -> missionResponse(r.mission(), r.command())));
    }

    @Override
    public void pauseMission(org.skyfleet.proto.v1.MissionActionRequest request,
                             StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> control.pause(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getMissionId())
                .thenApply(r -> missionResponse(r.mission(), r.command())));
    }

    @Override
    public void resumeMission(org.skyfleet.proto.v1.MissionActionRequest request,
                              StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> control.resume(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getMissionId())
                .thenApply(r -> missionResponse(r.mission(), r.command())));
    }

    @Override
    public void abortMission(org.skyfleet.proto.v1.MissionActionRequest request,
                             StreamObserver<org.skyfleet.proto.v1.MissionResponse> observer) {
        respond(observer, () -> control.abort(org.skyfleet.server.grpc.CallerInterceptor.require(), request.getMissionId(),
                request.getReason()).thenApply(r -> missionResponse(r.mission(), r.command())));
    }

    /** Sends progress on every change of the mission and once a second while it flies; ends when it is over. */
    @Override
    public void streamMissionProgress(org.skyfleet.proto.v1.GetMissionRequest request,
                                      StreamObserver<org.skyfleet.proto.v1.MissionProgress> observer) {
        org.skyfleet.fleet.mission.Mission first;
        try {
            first = control.find(request.getMissionId());
        } catch (io.grpc.StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        var call = (io.grpc.stub.ServerCallStreamObserver<org.skyfleet.proto.v1.MissionProgress>) observer;
        MissionProgressEstimator estimator = new MissionProgressEstimator();
        String id = first.missionId();
        Runnable push = () -> {
            synchronized (call) {
                if (call.isCancelled()) {
                    return;
                }
                var m = control.find(id);
                call.onNext(estimator.estimate(m, vehicles.find(m.vehicleId()).orElse(null), java.time.Instant.now()));
                if (m.state().isFinal()) {
                    call.onCompleted();
                }
            }
        };
        AutoCloseable sub = control.book().subscribe(m -> {
            if (m.missionId().equals(id)) {
                push.run();
            }
        });
        var tick = progressTicker.scheduleAtFixedRate(push, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        call.setOnCancelHandler(() -> {
            tick.cancel(false);
            try {
                sub.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        });
        push.run();
    }

    private static org.skyfleet.proto.v1.MissionResponse missionResponse(org.skyfleet.fleet.mission.Mission m,
                                                                          org.skyfleet.fleet.command.CommandOutcome command) {
        var b = org.skyfleet.proto.v1.MissionResponse.newBuilder().setMission(MissionProtoMapper.mission(m));
        if (command != null) {
            b.setCommandResult(command.result().name());
        }
        return b.build();
    }

    /** Completes the call when the stage does; statuses thrown before or during pass through. */
    private static <T> void respond(StreamObserver<T> observer, Supplier<java.util.concurrent.CompletionStage<T>> work) {
        java.util.concurrent.CompletionStage<T> stage;
        try {
            stage = work.get();
        } catch (RuntimeException e) {
            observer.onError(status(e));
            return;
        }
        stage.whenComplete((r, e) -> {
            if (e != null) {
                observer.onError(MissionControl.asStatus(e));
            } else {
                observer.onNext(r);
                observer.onCompleted();
            }
        });
    }

    @Override
    public void planMission(PlanMissionRequest request, StreamObserver<PlanMissionResponse> observer) {
        run(observer, () -> {
            for (var v : request.getVehiclesList()) {
                if (!v.getVehicleId().isEmpty() && !v.hasStart() && vehicles.find(v.getVehicleId()).isEmpty()) {
                    throw Status.NOT_FOUND.withDescription("unknown vehicle '" + v.getVehicleId()
                            + "': give its start, or a vehicle id the fleet knows").asRuntimeException();
                }
            }
            var r = requests.toPlanner(request);
            Plan plan = planner.plan(new org.skyfleet.planner.PlanRequest(r.pattern(), r.area(), r.datum(), r.camera(),
                    r.vehicles(), activeZones.apply(r.airspace()), r.reserve(), r.split(), r.search(), r.patrol(), r.inspection()));
            return PlanMissionResponse.newBuilder().setPlan(PlanRequestMapper.toProto(plan)).build();
        });
    }

    @Override
    public void validateMission(ValidateMissionRequest request, StreamObserver<ValidateMissionResponse> observer) {
        run(observer, () -> {
            List<Waypoint> route = request.getRouteList().stream().map(PlannerProtoMapper::waypoint).toList();
            List<Violation> violations = planner.validate(route,
                    request.hasVehicle() ? requests.profile(request.getVehicle()) : null,
                    activeZones.apply(PlannerProtoMapper.airspace(request.getAirspace(), request.hasAirspace())),
                    PlannerProtoMapper.reserve(request.getReserve(), request.hasReserve()));
            ValidateMissionResponse.Builder b = ValidateMissionResponse.newBuilder()
                    .setFlyable(violations.stream().noneMatch(v -> v.severity() == Violation.Severity.ERROR));
            violations.forEach(v -> b.addViolations(PlannerProtoMapper.violation(v)));
            return b.build();
        });
    }

    @Override
    public void exportMission(ExportMissionRequest request, StreamObserver<ExportMissionResponse> observer) {
        run(observer, () -> {
            Plan plan = PlanRequestMapper.plan(request.getPlan());
            VehicleRoute route = request.getVehicleId().isEmpty() ? plan.routes().get(0)
                    : plan.routes().stream().filter(r -> r.vehicleId().equals(request.getVehicleId())).findFirst()
                    .orElseThrow(() -> Status.NOT_FOUND.withDescription("the plan has no route for vehicle '"
                            + request.getVehicleId() + "'").asRuntimeException());
            ExportMissionResponse.Builder b = ExportMissionResponse.newBuilder();
            switch (request.getFormat()) {
                case EXPORT_FORMAT_MAVLINK_ITEMS -> MavlinkMissionExport.items(route, request.getCruiseSpeedMS())
                        .forEach(i -> b.addItems(item(i)));
                case EXPORT_FORMAT_QGC_PLAN -> {
                    Waypoint first = route.waypoints().get(0);
                    GeoPoint home = request.hasHome() ? PlannerProtoMapper.point(request.getHome())
                            : new GeoPoint(first.latDeg(), first.lonDeg());
                    VehicleKind kind = request.getVehicleType() == VehicleType.VEHICLE_TYPE_GROUND_ROVER
                            ? VehicleKind.GROUND_ROBOT : VehicleKind.MULTICOPTER;
                    b.setText(QgcPlanExport.toJson(route, kind, home, request.getCruiseSpeedMS(),
                            PlannerProtoMapper.airspace(request.getAirspace(), request.hasAirspace())));
                }
                case EXPORT_FORMAT_GEOJSON -> b.setText(GeoJsonExport.plan(plan,
                        request.hasArea() ? PlannerProtoMapper.polygon(request.getArea()) : null,
                        PlannerProtoMapper.airspace(request.getAirspace(), request.hasAirspace()).exclusions()));
                case EXPORT_FORMAT_KML -> b.setText(KmlExport.plan(plan,
                        request.hasArea() ? PlannerProtoMapper.polygon(request.getArea()) : null,
                        request.getName().isEmpty() ? "SkyFleet plan" : request.getName()));
                default -> throw Status.INVALID_ARGUMENT
                        .withDescription("format is required: MAVLINK_ITEMS, QGC_PLAN, GEOJSON or KML").asRuntimeException();
            }
            return b.build();
        });
    }

    @Override
    public void importMission(ImportMissionRequest request, StreamObserver<ImportMissionResponse> observer) {
        run(observer, () -> {
            if (request.getQgcPlanJson().isBlank()) {
                throw Status.INVALID_ARGUMENT.withDescription("qgc_plan_json is empty").asRuntimeException();
            }
            if (request.getQgcPlanJson().length() > MAX_IMPORT_CHARS) {
                throw Status.RESOURCE_EXHAUSTED.withDescription("qgc_plan_json is over " + MAX_IMPORT_CHARS + " characters")
                        .asRuntimeException();
            }
            QgcPlanImport.Imported imported = QgcPlanImport.parse(request.getQgcPlanJson());
            ImportMissionResponse.Builder b = ImportMissionResponse.newBuilder();
            imported.waypoints().forEach(w -> b.addWaypoints(PlannerProtoMapper.waypoint(w)));
            if (imported.plannedHome() != null) {
                b.setPlannedHome(PlannerProtoMapper.point(imported.plannedHome()));
            }
            imported.inclusions().forEach(z -> b.addInclusions(PlannerProtoMapper.zone(z)));
            imported.exclusions().forEach(z -> b.addExclusions(PlannerProtoMapper.zone(z)));
            return b.build();
        });
    }

    private static MissionItem item(MavlinkMissionItem i) {
        return MissionItem.newBuilder().setSeq(i.seq()).setFrame(i.frame()).setCommand(i.command())
                .setParam1(i.param1()).setParam2(i.param2()).setParam3(i.param3()).setParam4(i.param4())
                .setXDegE7(i.xDegE7()).setYDegE7(i.yDegE7()).setZM(i.zM()).setAutocontinue(i.autocontinue()).build();
    }

    /** Runs one call on the planner pool, mapping planner failures to precise statuses. */
    private <T> void run(StreamObserver<T> observer, Supplier<T> work) {
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    observer.onError(status(e));
                    return;
                }
                observer.onNext(result);
                observer.onCompleted();
            });
        } catch (RejectedExecutionException busy) {
            observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("the planner is busy with "
                    + (PLANNER_THREADS + PLANNER_QUEUE) + " requests; retry shortly").asRuntimeException());
        }
    }

    static StatusRuntimeException status(RuntimeException e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof PlanningException p) {
            Status base = switch (p.kind()) {
                case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
                case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
                case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
            };
            StringBuilder msg = new StringBuilder(p.getMessage());
            for (Violation v : p.violations()) {
                msg.append("; ").append(v.rule()).append(v.itemIndex() >= 0 ? " at waypoint " + v.itemIndex() : "")
                        .append(": ").append(v.message());
            }
            return base.withDescription(msg.toString()).asRuntimeException();
        }
        if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
            return Status.INVALID_ARGUMENT.withDescription(String.valueOf(e.getMessage())).asRuntimeException();
        }
        return Status.INTERNAL.withDescription("planning failed: " + e).withCause(e).asRuntimeException();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        progressTicker.shutdownNow();
    }
}
