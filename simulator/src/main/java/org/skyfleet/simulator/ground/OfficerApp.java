package org.skyfleet.simulator.ground;

import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.AssignmentActionRequest;
import org.skyfleet.proto.v1.AssignmentState;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.simulator.controlplane.ProtoMapping;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.UnitSpec;

/**
 * The dispatch app on a ground unit's phone, as a gRPC client of DispatchService:
 * <ol>
 *   <li>streams the unit's position every {@link #REPORT_INTERVAL_MS} of simulated time
 *       ({@code ReportUnitPositions}), status AVAILABLE (the server marks a unit ASSIGNED itself); a report
 *       that falls due while the stream is not ready (flow control) is skipped and counted, never queued;</li>
 *   <li>listens to its assignments ({@code StreamAssignments}); acknowledges an offer after the unit's
 *       {@code acknowledgeDelayS} of simulated time, unless the unit is configured never to acknowledge;</li>
 *   <li>once acknowledged, sends the unit straight towards the assignment's target, changing course each
 *       time the server sends the same assignment with the track's new position;</li>
 *   <li>within {@code arrivalRadiusM} of the latest target, calls {@code ReportArrival} once and stays;</li>
 *   <li>on CANCELLED or REASSIGNED stops where it is and is available again.</li>
 * </ol>
 * A stream that fails or ends is reopened after a back-off in simulated time (1 s, doubling to 30 s, back
 * to 1 s once the assignment stream delivers). Every call carries {@code x-skyfleet-subject: <unit id>},
 * {@code x-skyfleet-role: officer} and, if a token is configured, {@code authorization: Bearer <token>}.
 *
 * <p>Threads: {@link #tick} runs on the simulation thread after each step (see {@link GroundUnits});
 * gRPC callbacks run on the channel's executor. Both take this app's monitor for short, non-blocking
 * sections: every gRPC call made under it is asynchronous.
 */
public final class OfficerApp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OfficerApp.class.getName());
    /** Simulated milliseconds between two position reports. */
    public static final long REPORT_INTERVAL_MS = 2000;
    static final long MIN_BACKOFF_MS = 1000;
    static final long MAX_BACKOFF_MS = 30_000;
    /** Phone GNSS accuracy sent with each report, metres. */
    static final double ACCURACY_M = 5;
    static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLE = Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** Where the app is with its current assignment. */
    public enum Phase {
        /** No assignment: idling where it is. */
        IDLE,
        /** Offered, not (yet) acknowledged. */
        OFFERED,
        /** Acknowledged: on its way to the target. */
        EN_ROUTE,
        /** Reported arrival: staying there. */
        ARRIVED
    }

    /**
     * How the app talks to the server.
     *
     * @param tokenFor     the bearer token of a unit id, sent as {@code authorization: Bearer <token>}; null
     *                     (or a null token) for none
     * @param callTimeout  deadline of each acknowledgement and arrival call
     */
    public record Options(java.util.function.Function<String, String> tokenFor, Duration callTimeout) {
        public Options {
            Objects.requireNonNull(callTimeout, "callTimeout");
        }

        public static Options defaults() {
            return new Options(null, Duration.ofSeconds(10));
        }

        /** One token for every unit (a token's subject must then be allowed to act for all of them). */
        public Options withBearerToken(String token) {
            return new Options(token == null ? null : unitId -> token, callTimeout);
        }

        /** A token per unit, each naming that unit as its subject: what a server requiring tokens checks. */
        public Options withTokens(java.util.function.Function<String, String> tokenForUnitId) {
            return new Options(tokenForUnitId, callTimeout);
        }
    }

    /**
     * What the app knows, for tests and dashboards.
     *
     * @param position            the unit's position now
     * @param assignmentId        the current assignment, or null
     * @param target              the current assignment's latest target, or null
     * @param acknowledgementsSent AcknowledgeAssignment calls made, in all
     * @param arrivalsSent        ReportArrival calls made, in all
     * @param reportsSent         position reports sent
     * @param reportsSkipped      position reports skipped because the stream was not ready or not open
     * @param reconnects          streams reopened after a failure
     * @param reporting           the position stream is open and ready for a report now
     */
    public record State(String unitId, GeoPoint position, Phase phase, String assignmentId, GeoPoint target,
                        int acknowledgementsSent, int arrivalsSent, long reportsSent, long reportsSkipped,
                        int reconnects, boolean reporting) {
        public boolean arrived() {
            return phase == Phase.ARRIVED;
        }
    }

    private final SimulatedUnit unit;
    private final UnitSpec spec;
    private final DispatchServiceGrpc.DispatchServiceStub stub;
    private final Duration callTimeout;

    // Everything below is guarded by this.
    private boolean closed;
    private long nowMs;
    private long nextReportMs;
    private long backoffMs = MIN_BACKOFF_MS;
    private ClientCallStreamObserver<UnitPositionReport> positions;
    private int positionsGeneration;
    private long positionsReopenAtMs;
    private ClientCallStreamObserver<StreamAssignmentsRequest> assignments;
    private int assignmentsGeneration;
    private long assignmentsReopenAtMs;
    private Phase phase = Phase.IDLE;
    private String assignmentId;
    private GeoPoint target;
    private long acknowledgeDueMs;
    private boolean callInFlight;
    private long retryAtMs;
    private int acknowledgementsSent;
    private int arrivalsSent;
    private long reportsSent;
    private long reportsSkipped;
    private int reconnects;

    public OfficerApp(SimulatedUnit unit, Channel channel, Options options) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.spec = unit.spec();
        this.callTimeout = options.callTimeout();
        Metadata headers = new Metadata();
        headers.put(SUBJECT, unit.id());
        headers.put(ROLE, "officer");
        String token = options.tokenFor() == null ? null : options.tokenFor().apply(unit.id());
        if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        this.stub = DispatchServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /**
     * Does what is due at simulated time {@code nowMs} ({@code epochMs} on the simulated wall clock):
     * (re)opens streams, sends a position report, acknowledges, reports arrival. Simulation thread only.
     */
    public synchronized void tick(long nowMs, long epochMs) {
        this.nowMs = nowMs;
        if (closed) {
            return;
        }
        if (assignments == null && nowMs >= assignmentsReopenAtMs) {
            openAssignments();
        }
        if (positions == null && nowMs >= positionsReopenAtMs) {
            openPositions();
        }
        if (nowMs >= nextReportMs) {
            nextReportMs = nowMs + REPORT_INTERVAL_MS;
            sendPosition(epochMs);
        }
        if (callInFlight || nowMs < retryAtMs) {
            return;
        }
        if (phase == Phase.OFFERED && spec.acknowledges() && nowMs >= acknowledgeDueMs) {
            acknowledge();
        } else if (phase == Phase.EN_ROUTE && unit.distanceM(target) <= spec.arrivalRadiusM()) {
            reportArrival();
        }
    }

    private void sendPosition(long epochMs) {
        if (positions == null || !positions.isReady()) {
            reportsSkipped++;
            return;
        }
        positions.onNext(UnitPositionReport.newBuilder()
                .setUnitId(unit.id())
                .setUnitType(ProtoMapping.unitType(spec.type()))
                .setCallsign(spec.callsign())
                .setPosition(ProtoMapping.geoPoint(unit.position()))
                .setAccuracyM(ACCURACY_M)
                .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE)
                .setTime(ProtoMapping.timestamp(epochMs))
                .build());
        reportsSent++;
    }

    private void openPositions() {
        int generation = ++positionsGeneration;
        stub.reportUnitPositions(new ClientResponseObserver<UnitPositionReport, ReportUnitPositionsResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<UnitPositionReport> requestStream) {
                positions = requestStream;  // called synchronously, under the monitor tick holds
            }

            @Override
            public void onNext(ReportUnitPositionsResponse r) {
                if (r.getRejected() > 0) {
                    LOG.warning(unit.id() + ": server rejected " + r.getRejected() + " position reports: " + r.getLastError());
                }
            }

            @Override
            public void onError(Throwable t) {
                positionsEnded(generation, t);
            }

            @Override
            public void onCompleted() {
                positionsEnded(generation, null);
            }
        });
    }

    private synchronized void positionsEnded(int generation, Throwable t) {
        if (generation != positionsGeneration || closed) {
            return;
        }
        LOG.log(Level.FINE, unit.id() + ": position stream ended", t);
        positions = null;
        positionsReopenAtMs = nowMs + backoff();
        reconnects++;
    }

    private void openAssignments() {
        int generation = ++assignmentsGeneration;
        stub.streamAssignments(StreamAssignmentsRequest.newBuilder().setUnitId(unit.id()).build(),
                new ClientResponseObserver<StreamAssignmentsRequest, Assignment>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamAssignmentsRequest> requestStream) {
                        assignments = requestStream;
                    }

                    @Override
                    public void onNext(Assignment a) {
                        synchronized (OfficerApp.this) {
                            if (generation == assignmentsGeneration) {
                                backoffMs = MIN_BACKOFF_MS;
                                apply(a);
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        assignmentsEnded(generation, t);
                    }

                    @Override
                    public void onCompleted() {
                        assignmentsEnded(generation, null);
                    }
                });
    }

    private synchronized void assignmentsEnded(int generation, Throwable t) {
        if (generation != assignmentsGeneration || closed) {
            return;
        }
        LOG.log(Level.FINE, unit.id() + ": assignment stream ended", t);
        assignments = null;
        assignmentsReopenAtMs = nowMs + backoff();
        reconnects++;
    }

    private long backoff() {
        long b = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        return b;
    }

    /** Applies what the server says about an assignment of this unit. Under the monitor. */
    private void apply(Assignment a) {
        String id = a.getAssignmentId();
        boolean current = id.equals(assignmentId);
        GeoPoint latest = a.hasTarget() ? ProtoMapping.geoPoint(a.getTarget()) : target;
        switch (a.getState()) {
            case ASSIGNMENT_STATE_OFFERED -> {
                if (!current) {
                    start(id, latest, Phase.OFFERED);
                    acknowledgeDueMs = nowMs + Math.round(spec.acknowledgeDelayS() * 1000);
                } else {
                    follow(latest);
                }
            }
            case ASSIGNMENT_STATE_ACKNOWLEDGED -> {
                if (!current) {
                    start(id, latest, Phase.EN_ROUTE);  // e.g. the current one, resent after a reconnect
                } else if (phase == Phase.OFFERED) {
                    phase = Phase.EN_ROUTE;
                }
                follow(latest);
            }
            case ASSIGNMENT_STATE_ARRIVED -> {
                if (!current) {
                    start(id, latest, Phase.ARRIVED);
                }
                phase = Phase.ARRIVED;
                target = latest;
                unit.stop();
            }
            case ASSIGNMENT_STATE_CANCELLED, ASSIGNMENT_STATE_REASSIGNED -> {
                if (current) {
                    standDown();
                }
            }
            default -> LOG.warning(unit.id() + ": assignment " + id + " in state " + a.getState() + " ignored");
        }
    }

    private void start(String id, GeoPoint at, Phase p) {
        assignmentId = id;
        target = at;
        phase = p;
        callInFlight = false;
        retryAtMs = 0;
        unit.stop();
    }

    private void follow(GeoPoint latest) {
        target = latest;
        if (phase == Phase.EN_ROUTE && latest != null) {
            unit.goTo(latest);
        }
    }

    private void standDown() {
        assignmentId = null;
        target = null;
        phase = Phase.IDLE;
        unit.stop();
    }

    private void acknowledge() {
        acknowledgementsSent++;
        call(DispatchServiceGrpc.DispatchServiceStub::acknowledgeAssignment, a -> {
            if (a.getState() == AssignmentState.ASSIGNMENT_STATE_CANCELLED
                    || a.getState() == AssignmentState.ASSIGNMENT_STATE_REASSIGNED) {
                standDown();
                return;
            }
            if (phase == Phase.OFFERED) {
                phase = Phase.EN_ROUTE;
            }
            follow(a.hasTarget() ? ProtoMapping.geoPoint(a.getTarget()) : target);
        });
    }

    private void reportArrival() {
        arrivalsSent++;
        call(DispatchServiceGrpc.DispatchServiceStub::reportArrival, a -> {
            phase = Phase.ARRIVED;
            unit.stop();
        });
    }

    private interface UnaryCall {
        void invoke(DispatchServiceGrpc.DispatchServiceStub stub, AssignmentActionRequest request,
                    StreamObserver<Assignment> response);
    }

    /**
     * Makes an acknowledgement or arrival call for the current assignment. Unreachable server: tried again
     * 1 s of simulated time later; the server says it is no longer ours: stand down.
     */
    private void call(UnaryCall rpc, Consumer<Assignment> onAnswer) {
        String id = assignmentId;
        callInFlight = true;
        AssignmentActionRequest request = AssignmentActionRequest.newBuilder().setAssignmentId(id).setUnitId(unit.id()).build();
        rpc.invoke(stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS), request, new StreamObserver<>() {
            @Override
            public void onNext(Assignment a) {
                synchronized (OfficerApp.this) {
                    if (id.equals(assignmentId)) {
                        onAnswer.accept(a);
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                synchronized (OfficerApp.this) {
                    if (!id.equals(assignmentId)) {
                        return;
                    }
                    callInFlight = false;
                    Status.Code code = Status.fromThrowable(t).getCode();
                    if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                            || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.ABORTED) {
                        retryAtMs = nowMs + MIN_BACKOFF_MS;
                    } else {
                        LOG.info(unit.id() + ": server refused a call for assignment " + id + ": " + t.getMessage());
                        standDown();
                    }
                }
            }

            @Override
            public void onCompleted() {
                synchronized (OfficerApp.this) {
                    if (id.equals(assignmentId)) {
                        callInFlight = false;
                    }
                }
            }
        });
    }

    public SimulatedUnit unit() {
        return unit;
    }

    public synchronized State state() {
        return new State(unit.id(), unit.position(), phase, assignmentId, target, acknowledgementsSent, arrivalsSent,
                reportsSent, reportsSkipped, reconnects, positions != null && positions.isReady());
    }

    /** Ends the position stream (the server answers with its counts) and the assignment stream. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (positions != null) {
            positions.onCompleted();
        }
        if (assignments != null) {
            assignments.cancel("app closed", null);
        }
    }
}
