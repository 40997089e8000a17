package org.skyfleet.simulator.ground;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.AcknowledgeAssignmentRequest;
import org.skyfleet.proto.v1.AcknowledgeAssignmentResponse;
import org.skyfleet.proto.v1.AssignmentUpdate;
import org.skyfleet.proto.v1.ReportArrivalRequest;
import org.skyfleet.proto.v1.ReportArrivalResponse;
import org.skyfleet.proto.v1.AssignmentState;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.proto.v1.UnitPositionReport;

/**
 * A dispatch server for the apps' tests: records what the apps send and the metadata they send it with,
 * answers acknowledgements and arrivals, and lets the test push assignments down a unit's stream.
 */
final class FakeDispatchService extends DispatchServiceGrpc.DispatchServiceImplBase implements ServerInterceptor {
    final List<UnitPositionReport> positions = new CopyOnWriteArrayList<>();
    final List<Metadata> headers = new CopyOnWriteArrayList<>();
    final Map<String, StreamObserver<AssignmentUpdate>> streams = new ConcurrentHashMap<>();
    final AtomicInteger streamsOpened = new AtomicInteger();
    /** The position streams are never read: flow control holds the apps back. */
    volatile boolean stallPositions;
    final Map<String, Assignment> assignments = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> acknowledgements = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata h, ServerCallHandler<Q, R> next) {
        headers.add(h);
        return next.startCall(call, h);
    }

    /** Sends {@code a} down its unit's assignment stream and remembers it as the assignment's latest state. */
    void push(Assignment a) {
        assignments.put(a.getAssignmentId(), a);
        streams.get(a.getUnitId()).onNext(AssignmentUpdate.newBuilder().setAssignment(a).build());
    }

    /** Fails a unit's assignment stream, as a restarting server would. */
    void breakStream(String unitId) {
        streams.remove(unitId).onError(Status.UNAVAILABLE.withDescription("server restarting").asRuntimeException());
    }

    int acknowledgements(String assignmentId) {
        return acknowledgements.getOrDefault(assignmentId, new AtomicInteger()).get();
    }

    int arrivals(String assignmentId) {
        return arrivals.getOrDefault(assignmentId, new AtomicInteger()).get();
    }

    @Override
    public StreamObserver<UnitPositionReport> reportUnitPositions(StreamObserver<ReportUnitPositionsResponse> response) {
        if (stallPositions) {
            ((ServerCallStreamObserver<ReportUnitPositionsResponse>) response).disableAutoRequest();
        }
        return new StreamObserver<>() {
            long accepted;

            @Override
            public void onNext(UnitPositionReport r) {
                positions.add(r);
                accepted++;
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                response.onNext(ReportUnitPositionsResponse.newBuilder().setAccepted(accepted).build());
                response.onCompleted();
            }
        };
    }

    @Override
    public void streamAssignments(StreamAssignmentsRequest request, StreamObserver<AssignmentUpdate> response) {
        streams.put(request.getUnitId(), response);
        streamsOpened.incrementAndGet();
    }

    @Override
    public void acknowledgeAssignment(AcknowledgeAssignmentRequest request, StreamObserver<AcknowledgeAssignmentResponse> response) {
        Assignment a = answer(request.getAssignmentId(), request.getUnitId(), acknowledgements,
                AssignmentState.ASSIGNMENT_STATE_ACKNOWLEDGED, response);
        if (a != null) {
            response.onNext(AcknowledgeAssignmentResponse.newBuilder().setAssignment(a).build());
            response.onCompleted();
        }
    }

    @Override
    public void reportArrival(ReportArrivalRequest request, StreamObserver<ReportArrivalResponse> response) {
        Assignment a = answer(request.getAssignmentId(), request.getUnitId(), arrivals, AssignmentState.ASSIGNMENT_STATE_ARRIVED,
                response);
        if (a != null) {
            response.onNext(ReportArrivalResponse.newBuilder().setAssignment(a).build());
            response.onCompleted();
        }
    }

    /** The assignment moved to {@code next}, or null after answering NOT_FOUND. */
    private Assignment answer(String assignmentId, String unitId, Map<String, AtomicInteger> counts, AssignmentState next,
                              StreamObserver<?> response) {
        counts.computeIfAbsent(assignmentId, k -> new AtomicInteger()).incrementAndGet();
        Assignment a = assignments.get(assignmentId);
        if (a == null || !a.getUnitId().equals(unitId)) {
            response.onError(Status.NOT_FOUND.withDescription("no assignment " + assignmentId).asRuntimeException());
            return null;
        }
        Assignment updated = a.toBuilder().setState(next).build();
        assignments.put(a.getAssignmentId(), updated);
        return updated;
    }
}
