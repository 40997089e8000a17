package org.skyfleet.server.dispatch;

import org.skyfleet.server.grpc.ProtoMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.proto.v1.AcknowledgeAssignmentRequest;
import org.skyfleet.proto.v1.AcknowledgeAssignmentResponse;
import org.skyfleet.proto.v1.AssignmentUpdate;
import org.skyfleet.proto.v1.ReportArrivalRequest;
import org.skyfleet.proto.v1.ReportArrivalResponse;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ListUnitsRequest;
import org.skyfleet.proto.v1.ListUnitsResponse;
import org.skyfleet.proto.v1.ListAssignmentsRequest;
import org.skyfleet.proto.v1.ListAssignmentsResponse;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.server.grpc.StatusMapping;
import org.skyfleet.server.grpc.LatestByKeyStream;
import org.skyfleet.server.grpc.Permissions;

/**
 * {@code skyfleet.v1.DispatchService}. An officer reports, reads and answers for their own unit only
 * (the subject is the unit id); dispatchers, commanders and automation act for any unit.
 */
public final class DispatchGrpcService extends DispatchServiceGrpc.DispatchServiceImplBase {
    private final java.util.function.Function<String, java.util.Optional<String>> droneView;
    private final Dispatcher dispatcher;

    public DispatchGrpcService(Dispatcher dispatcher) {
        this(dispatcher, incidentId -> java.util.Optional.empty());
    }

    /** @param droneView the live video of the drone over an incident, if one is: the officer sees the scene before arriving */
    public DispatchGrpcService(Dispatcher dispatcher, java.util.function.Function<String, java.util.Optional<String>> droneView) {
        this.dispatcher = dispatcher;
        this.droneView = droneView;
    }

    @Override
    public StreamObserver<UnitPositionReport> reportUnitPositions(StreamObserver<ReportUnitPositionsResponse> responses) {
        Operator caller;
        try {
            caller = Permissions.require("report unit positions", Role.OFFICER, Role.DISPATCHER, Role.AUTOMATION);
        } catch (RuntimeException e) {
            StatusMapping.refuse(responses, e);
            return new Ignore<>();
        }
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicReference<String> lastError = new AtomicReference<>("");
        return new StreamObserver<>() {
            @Override
            public void onNext(UnitPositionReport r) {
                try {
                    requireOwnUnit(caller, r.getUnitId(), "report for");
                    if (!r.hasPosition()) {
                        throw new IllegalArgumentException("position: required");
                    }
                    dispatcher.roster().report(r.getUnitId(), DispatchProtoMapper.type(r.getUnitType()), r.getCallsign(),
                            ProtoMapper.point(r.getPosition()), r.getAccuracyM(), DispatchProtoMapper.status(r.getStatus()),
                            r.hasTime() ? ProtoMapper.instant(r.getTime()) : null);
                    accepted.incrementAndGet();
                } catch (RuntimeException e) {
                    // one bad report does not end the stream: the app keeps reporting, the answer says why
                    rejected.incrementAndGet();
                    StatusRuntimeException status = StatusMapping.toStatus(e);
                    lastError.set(status.getStatus().getDescription());
                }
            }

            @Override
            public void onError(Throwable t) {
                // the app went away; what it reported stands
            }

            @Override
            public void onCompleted() {
                responses.onNext(ReportUnitPositionsResponse.newBuilder().setAccepted(accepted.get())
                        .setRejected(rejected.get()).setLastError(lastError.get()).build());
                responses.onCompleted();
            }
        };
    }

    @Override
    public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> observer) {
        StatusMapping.answer(observer, () -> ListUnitsResponse.newBuilder()
                .addAllUnits(dispatcher.roster().all().stream().map(DispatchProtoMapper::unit).toList()).build());
    }

    @Override
    public void streamAssignments(StreamAssignmentsRequest request, StreamObserver<AssignmentUpdate> observer) {
        boolean admitted = StatusMapping.admit(observer, () -> {
            Operator caller = Permissions.require("watch assignments", Role.OFFICER, Role.DISPATCHER, Role.COMMANDER,
                    Role.AUTOMATION);
            requireOwnUnit(caller, request.getUnitId(), "watch the assignments of");
            if (request.getUnitId().isBlank()) {
                throw new IllegalArgumentException("unit_id is required: the unit whose assignments to watch");
            }
        });
        if (!admitted) {
            return;
        }
        String unitId = request.getUnitId();
        LatestByKeyStream<String, AssignmentUpdate> stream = LatestByKeyStream.of(observer);
        AutoCloseable sub = dispatcher.subscribe(a -> {
            if (a.unitId().equals(unitId)) {
                stream.offer(a.assignmentId(), update(a));
            }
        });
        stream.onClose(() -> {
            try {
                sub.close();
            } catch (Exception e) {
                // nothing held
            }
        });
        dispatcher.currentFor(unitId).ifPresent(a -> stream.offer(a.assignmentId(), update(a)));
    }

    private AssignmentUpdate update(Assignment a) {
        return AssignmentUpdate.newBuilder().setAssignment(assignment(a)).build();
    }

    /** The assignment with the drone's view of its incident, when a drone is over it. */
    private org.skyfleet.proto.v1.Assignment assignment(Assignment a) {
        org.skyfleet.proto.v1.Assignment p = DispatchProtoMapper.assignment(a);
        return droneView.apply(a.incidentId()).map(url -> p.toBuilder().setDroneViewUrl(url).build()).orElse(p);
    }

    @Override
    public void acknowledgeAssignment(AcknowledgeAssignmentRequest request,
                                      StreamObserver<AcknowledgeAssignmentResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("acknowledge assignments", Role.OFFICER, Role.DISPATCHER);
            requireOwnUnit(caller, request.getUnitId(), "acknowledge for");
            Assignment a = dispatcher.acknowledge(request.getAssignmentId(), request.getUnitId());
            return AcknowledgeAssignmentResponse.newBuilder().setAssignment(assignment(a)).build();
        });
    }

    @Override
    public void reportArrival(ReportArrivalRequest request, StreamObserver<ReportArrivalResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("report arrivals", Role.OFFICER, Role.DISPATCHER);
            requireOwnUnit(caller, request.getUnitId(), "report the arrival of");
            Assignment a = dispatcher.arrive(request.getAssignmentId(), request.getUnitId());
            return ReportArrivalResponse.newBuilder().setAssignment(assignment(a)).build();
        });
    }

    @Override
    public void listAssignments(ListAssignmentsRequest request, StreamObserver<ListAssignmentsResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Permissions.require("list assignments", Role.DISPATCHER, Role.COMMANDER, Role.PILOT, Role.AUTOMATION);
            String incident = request.getIncidentId();
            ListAssignmentsResponse.Builder b = ListAssignmentsResponse.newBuilder();
            for (Assignment a : dispatcher.all()) {
                if ((incident.isEmpty() || incident.equals(a.incidentId())) && (!request.getOpenOnly() || a.state().open())) {
                    b.addAssignments(assignment(a));
                }
            }
            return b.build();
        });
    }

    private static void requireOwnUnit(Operator caller, String unitId, String what) {
        if (caller.role() == Role.OFFICER && !caller.subject().equals(unitId)) {
            throw Status.PERMISSION_DENIED.withDescription(caller + " may not " + what + " unit '" + unitId
                    + "': officers act for their own unit only").asRuntimeException();
        }
    }

    private static final class Ignore<T> implements StreamObserver<T> {
        @Override
        public void onNext(T value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
