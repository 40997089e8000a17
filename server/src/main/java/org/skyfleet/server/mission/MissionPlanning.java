package org.skyfleet.server.mission;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.validation.Violation;
import org.skyfleet.proto.v1.ExportMissionRequest;
import org.skyfleet.proto.v1.ExportMissionResponse;
import org.skyfleet.proto.v1.ImportMissionRequest;
import org.skyfleet.proto.v1.ImportMissionResponse;
import org.skyfleet.proto.v1.PlanMissionRequest;
import org.skyfleet.proto.v1.PlanMissionResponse;
import org.skyfleet.proto.v1.ValidateMissionRequest;
import org.skyfleet.proto.v1.ValidateMissionResponse;
import org.skyfleet.planner.export.QgcPlanImport;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * The stateless half of {@code MissionService}: plans, validates, exports and imports, nothing stored.
 * Planning can take a few hundred milliseconds on a large area, so it runs on a small bounded pool of its
 * own: gRPC's threads stay free, and a burst of huge requests gets RESOURCE_EXHAUSTED instead of a
 * server that stops answering.
 */
final class MissionPlanning implements AutoCloseable {
    static final int PLANNER_THREADS = 2;
    static final int PLANNER_QUEUE = 16;
    static final int MAX_IMPORT_CHARS = 8 * 1024 * 1024;

    private final MissionPlanner planner = new MissionPlanner();
    private final PlanRequestMapper requests;
    private final VehicleRegistry vehicles;
    private final UnaryOperator<Airspace> activeZones;
    private final ExecutorService pool = new ThreadPoolExecutor(PLANNER_THREADS, PLANNER_THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(PLANNER_QUEUE), r -> {
                Thread t = new Thread(r, "skyfleet-planner");
                t.setDaemon(true);
                return t;
            });

    /** @param activeZones adds the zones in force now (the geofence service's) to a request's own airspace */
    MissionPlanning(VehicleRegistry vehicles, UnaryOperator<Airspace> activeZones, org.skyfleet.fleet.airframe.EnduranceSource endurance) {
        this.vehicles = vehicles;
        this.requests = new PlanRequestMapper(vehicles, new LiveEndurance(endurance));
        this.activeZones = activeZones;
    }

    PlanMissionResponse plan(PlanMissionRequest request) {
        for (var v : request.getVehiclesList()) {
            if (!v.getVehicleId().isEmpty() && !v.hasStart() && vehicles.find(v.getVehicleId()).isEmpty()) {
                throw new NoSuchElementException("unknown vehicle '" + v.getVehicleId()
                        + "': give its start, or a vehicle id the fleet knows");
            }
        }
        List<String> notes = new java.util.ArrayList<>();
        var r = requests.toPlanner(request, notes);
        Plan plan;
        try {
            plan = planner.plan(new PlanRequest(r.pattern(), r.area(), r.datum(), r.camera(), r.vehicles(),
                    activeZones.apply(r.airspace()), r.reserve(), r.split(), r.search(), r.patrol(), r.inspection()));
        } catch (org.skyfleet.planner.PlanningException e) {
            if (notes.isEmpty()) {
                throw e;
            }
            // a refusal for the battery says what the battery was taken to be
            throw new org.skyfleet.planner.PlanningException(e.kind(), e.getMessage() + " (" + String.join("; ", notes) + ")",
                    e.violations());
        }
        var proto = PlanRequestMapper.toProto(plan).toBuilder();
        notes.forEach(n -> proto.addWarnings(org.skyfleet.proto.v1.Violation.newBuilder().setRule("endurance").setItemIndex(-1)
                .setMessage(n).setWarning(true)));
        return PlanMissionResponse.newBuilder().setPlan(proto).build();
    }

    ValidateMissionResponse validate(ValidateMissionRequest request) {
        List<Waypoint> route = request.getRouteList().stream().map(PlannerProtoMapper::waypoint).toList();
        List<Violation> violations = planner.validate(route,
                request.hasVehicle() ? requests.profile(request.getVehicle(), new java.util.ArrayList<>()) : null,
                activeZones.apply(PlannerProtoMapper.airspace(request.getAirspace(), request.hasAirspace())),
                PlannerProtoMapper.reserve(request.getReserve(), request.hasReserve()));
        ValidateMissionResponse.Builder b = ValidateMissionResponse.newBuilder()
                .setFlyable(violations.stream().noneMatch(v -> v.severity() == Violation.Severity.ERROR));
        violations.forEach(v -> b.addViolations(PlannerProtoMapper.violation(v)));
        return b.build();
    }

    ExportMissionResponse export(ExportMissionRequest request) {
        return MissionExport.export(request);
    }

    ImportMissionResponse importPlan(ImportMissionRequest request) {
        if (request.getQgcPlanJson().isBlank()) {
            throw new IllegalArgumentException("qgc_plan_json is empty: pass the text of a QGroundControl .plan file");
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
    }

    /** Answers one call from the planner pool; a full pool is RESOURCE_EXHAUSTED. */
    <T> void run(StreamObserver<T> observer, Supplier<T> work) {
        try {
            pool.execute(() -> StatusMapping.answer(observer, work));
        } catch (RejectedExecutionException busy) {
            observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("the planner is busy with "
                    + (PLANNER_THREADS + PLANNER_QUEUE) + " requests; retry shortly").asRuntimeException());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
