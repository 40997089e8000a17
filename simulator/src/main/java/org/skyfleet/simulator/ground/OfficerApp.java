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
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.proto.v1.AcknowledgeAssignmentRequest;
import org.skyfleet.proto.v1.AcknowledgeAssignmentResponse;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.AssignmentUpdate;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ReportArrivalRequest;
import org.skyfleet.proto.v1.ReportArrivalResponse;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.simulator.scenario.GeoPoint;

/**
 * The dispatch app on a ground unit's phone, as a gRPC client of DispatchService:
 * <ol>
 *   <li>streams the unit's position every {@link #REPORT_INTERVAL_MS} of simulated time
 *       ({@link PositionReporter});</li>
 *   <li>listens to its assignments ({@code StreamAssignments}); acknowledges an offer after the unit's
 *       {@code acknowledgeDelayS} of simulated time, unless the unit is configured never to acknowledge;</li>
 *   <li>once acknowledged, sends the unit straight towards the assignment's target, changing course each
 *       time the server sends the same assignment with the track's new position;</li>
 *   <li>within {@code arrivalRadiusM} of the latest target, calls {@code ReportArrival} once and stays;</li>
 *   <li>on CANCELLED or REASSIGNED stops where it is and is available again.</li>
 * </ol>
 * What the unit does about its assignment is {@link AssignmentFollower}'s; this class is the wire. A stream
 * that fails or ends is reopened after a back-off in simulated time ({@link ReconnectBackoff}). Every call
 * carries the unit's bearer token ({@code authorization: Bearer <token>}) if one is configured, and names the
 * unit ({@code x-skyfleet-subject: <unit id>}, {@code x-skyfleet-role: officer}) for a server that trusts
 * named callers (tests, a lab demo); a server requiring tokens ignores the names.
 *
 * <p>Threads: {@link #tick} runs on the simulation thread after each step (see {@link GroundUnits});
 * gRPC callbacks run on the channel's executor. Both take this app's monitor for short, non-blocking
 * sections: every gRPC call made under it is asynchronous.
 */
public final class OfficerApp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OfficerApp.class.getName());
    /** Simulated milliseconds between two position reports. */
    public static final long REPORT_INTERVAL_MS = 2000;
    static final long MIN_BACKOFF_MS = ReconnectBackoff.MIN_MS;
    static final long MAX_BACKOFF_MS = ReconnectBackoff.MAX_MS;
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
    private final DispatchServiceGrpc.DispatchServiceStub stub;
    private final Duration callTimeout;
    private final AssignmentFollower follower;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private final PositionReporter positions;

    // Everything below is guarded by this.
    private boolean closed;
    private long nowMs;
    private ClientCallStreamObserver<StreamAssignmentsRequest> assignments;
    private int assignmentsGeneration;
    private long assignmentsReopenAtMs;
    private boolean callInFlight;
    private long retryAtMs;
    private int acknowledgementsSent;
    private int arrivalsSent;
    private int reconnects;

    public OfficerApp(SimulatedUnit unit, Channel channel, Options options) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.callTimeout = options.callTimeout();
        Metadata headers = new Metadata();
        headers.put(SUBJECT, unit.id());
        headers.put(ROLE, "officer");
        String token = options.tokenFor() == null ? null : options.tokenFor().apply(unit.id());
        if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        this.stub = DispatchServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        this.follower = new AssignmentFollower(unit);
        this.positions = new PositionReporter(unit, stub, backoff, this);
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
        positions.tick(nowMs, epochMs);
        if (callInFlight || nowMs < retryAtMs) {
            return;
        }
        if (follower.acknowledgeDue(nowMs)) {
            acknowledge();
        } else if (follower.arrivalDue()) {
            reportArrival();
        }
    }

    private void openAssignments() {
        int generation = ++assignmentsGeneration;
        stub.streamAssignments(StreamAssignmentsRequest.newBuilder().setUnitId(unit.id()).build(),
                new ClientResponseObserver<StreamAssignmentsRequest, AssignmentUpdate>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamAssignmentsRequest> requestStream) {
                        assignments = requestStream;
                    }

                    @Override
                    public void onNext(AssignmentUpdate update) {
                        synchronized (OfficerApp.this) {
                            if (generation == assignmentsGeneration) {
                                backoff.reset();
                                if (follower.apply(update.getAssignment(), nowMs)) {
                                    callInFlight = false;  // a call for the previous assignment no longer counts
                                    retryAtMs = 0;
                                }
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
        assignmentsReopenAtMs = nowMs + backoff.next();
        reconnects++;
    }

    private void acknowledge() {
        acknowledgementsSent++;
        String id = follower.assignmentId();
        deadlined().acknowledgeAssignment(AcknowledgeAssignmentRequest.newBuilder().setAssignmentId(id).setUnitId(unit.id())
                .build(), answer(id, AcknowledgeAssignmentResponse::getAssignment, follower::acknowledged));
    }

    private void reportArrival() {
        arrivalsSent++;
        String id = follower.assignmentId();
        deadlined().reportArrival(ReportArrivalRequest.newBuilder().setAssignmentId(id).setUnitId(unit.id()).build(),
                answer(id, ReportArrivalResponse::getAssignment, a -> follower.arrived()));
    }

    private DispatchServiceGrpc.DispatchServiceStub deadlined() {
        return stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The answer to an acknowledgement or arrival call for assignment {@code id}. Unreachable server: tried
     * again 1 s of simulated time later; the server says it is no longer ours: stand down.
     */
    private <R> StreamObserver<R> answer(String id, Function<R, Assignment> assignmentOf, Consumer<Assignment> onAnswer) {
        callInFlight = true;
        return new StreamObserver<>() {
            @Override
            public void onNext(R response) {
                synchronized (OfficerApp.this) {
                    if (id.equals(follower.assignmentId())) {
                        onAnswer.accept(assignmentOf.apply(response));
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                synchronized (OfficerApp.this) {
                    if (!id.equals(follower.assignmentId())) {
                        return;
                    }
                    callInFlight = false;
                    Status.Code code = Status.fromThrowable(t).getCode();
                    if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                            || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.ABORTED) {
                        retryAtMs = nowMs + MIN_BACKOFF_MS;
                    } else {
                        LOG.info(unit.id() + ": server refused a call for assignment " + id + ": " + t.getMessage());
                        follower.standDown();
                    }
                }
            }

            @Override
            public void onCompleted() {
                synchronized (OfficerApp.this) {
                    if (id.equals(follower.assignmentId())) {
                        callInFlight = false;
                    }
                }
            }
        };
    }

    public SimulatedUnit unit() {
        return unit;
    }

    public synchronized State state() {
        return new State(unit.id(), unit.position(), follower.phase(), follower.assignmentId(), follower.target(),
                acknowledgementsSent, arrivalsSent, positions.sent(), positions.skipped(), reconnects + positions.reconnects(),
                positions.ready());
    }

    /** Ends the position stream (the server answers with its counts) and the assignment stream. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        positions.close();
        if (assignments != null) {
            assignments.cancel("app closed", null);
        }
    }
}
