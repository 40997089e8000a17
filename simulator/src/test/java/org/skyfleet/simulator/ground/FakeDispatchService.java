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
import org.skyfleet.proto.v1.AssignmentActionRequest;
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
    final Map<String, StreamObserver<Assignment>> streams = new ConcurrentHashMap<>();
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
        streams.get(a.getUnitId()).onNext(a);
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
    public void streamAssignments(StreamAssignmentsRequest request, StreamObserver<Assignment> response) {
        streams.put(request.getUnitId(), response);
        streamsOpened.incrementAndGet();
    }

    @Override
    public void acknowledgeAssignment(AssignmentActionRequest request, StreamObserver<Assignment> response) {
        answer(request, acknowledgements, AssignmentState.ASSIGNMENT_STATE_ACKNOWLEDGED, response);
    }

    @Override
    public void reportArrival(AssignmentActionRequest request, StreamObserver<Assignment> response) {
        answer(request, arrivals, AssignmentState.ASSIGNMENT_STATE_ARRIVED, response);
    }

    private void answer(AssignmentActionRequest request, Map<String, AtomicInteger> counts, AssignmentState next,
                        StreamObserver<Assignment> response) {
        counts.computeIfAbsent(request.getAssignmentId(), k -> new AtomicInteger()).incrementAndGet();
        Assignment a = assignments.get(request.getAssignmentId());
        if (a == null || !a.getUnitId().equals(request.getUnitId())) {
            response.onError(Status.NOT_FOUND.withDescription("no assignment " + request.getAssignmentId()).asRuntimeException());
            return;
        }
        Assignment updated = a.toBuilder().setState(next).build();
        assignments.put(a.getAssignmentId(), updated);
        response.onNext(updated);
        response.onCompleted();
    }
}
