package org.skyfleet.server.gate;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.gate.GateTally;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.proto.v1.Gate;
import org.skyfleet.proto.v1.GateServiceGrpc;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.ListGatesRequest;
import org.skyfleet.proto.v1.ListGatesResponse;
import org.skyfleet.proto.v1.StreamGateEventsRequest;
import org.skyfleet.proto.v1.StreamGateEventsResponse;
import org.skyfleet.server.geofence.GeofenceProtoMapper;
import org.skyfleet.server.grpc.ProtoMapper;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * {@code skyfleet.v1.GateService}: the gates with their counters, and their crossings as a stream. Each stream
 * has a queue of at most {@link #QUEUE_CAPACITY} crossings, filled and drained on the gate watch's thread while
 * gRPC says the reader is ready; beyond that the oldest go and the next message says how many.
 */
public final class GateGrpcService extends GateServiceGrpc.GateServiceImplBase {
    static final int LATEST_PER_GATE = 10;
    static final int QUEUE_CAPACITY = 1_000;
    private final GateWatch watch;
    private final InstantSource clock;
    private final org.skyfleet.fleet.audit.AuditJournal audit;

    /** @param audit where changes to the watch list are journaled: who watches whom is a commander's act to account for */
    public GateGrpcService(GateWatch watch, InstantSource clock, org.skyfleet.fleet.audit.AuditJournal audit) {
        this.watch = watch;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void listGates(ListGatesRequest request, StreamObserver<ListGatesResponse> observer) {
        StatusMapping.answer(observer, () -> list(request));
    }

    private ListGatesResponse list(ListGatesRequest request) {
        ZoneCategory only = switch (request.getCategory()) {
            case GEOFENCE_CATEGORY_UNSPECIFIED -> null;
            case GEOFENCE_CATEGORY_CITY_GATE -> ZoneCategory.CITY_GATE;
            case GEOFENCE_CATEGORY_SMALL_GATE -> ZoneCategory.SMALL_GATE;
            default -> throw new IllegalArgumentException("category must be unset, CITY_GATE or SMALL_GATE, not "
                    + request.getCategory());
        };
        Instant now = clock.instant();
        ListGatesResponse.Builder b = ListGatesResponse.newBuilder().setAsOf(ProtoMapper.timestamp(now))
                .setTimeZone(watch.zone().getId());
        for (Zone z : watch.gates().stream().sorted(Comparator.comparing(Zone::id)).toList()) {
            if (only != null && z.category() != only) {
                continue;
            }
            GateTally t = watch.tally(z.id(), now);
            Gate.Builder g = Gate.newBuilder().setZone(GeofenceProtoMapper.proto(z))
                    .addAllLastHour(GateProtos.counts(t.lastHour())).addAllToday(GateProtos.counts(t.today()))
                    .setLastHourInCount(t.lastHourTotal().in()).setLastHourOutCount(t.lastHourTotal().out())
                    .setTodayInCount(t.todayTotal().in()).setTodayOutCount(t.todayTotal().out());
            watch.latest(z.id(), LATEST_PER_GATE).forEach(o -> g.addLatest(GateProtos.crossing(o)));
            b.addGates(g);
        }
        return b.build();
    }

    @Override
    public void watchSubject(org.skyfleet.proto.v1.WatchSubjectRequest request,
                             StreamObserver<org.skyfleet.proto.v1.WatchSubjectResponse> observer) {
        StatusMapping.answer(observer, () -> {
            var caller = org.skyfleet.server.grpc.CallerInterceptor.current();
            String by = caller == null ? "" : caller.toString();
            var w = watch.watchList().watch(new org.skyfleet.fleet.gate.WatchList.Watched(GateProtos.kind(request.getSubjectKind()),
                    request.getSubjectId().strip(), request.getNote(), by, clock.instant()));
            audit.append(by, "gate watch list add", w.kind() + " " + w.subjectId(), w.note(), "ACCEPTED");
            return org.skyfleet.proto.v1.WatchSubjectResponse.newBuilder().setSubject(GateProtos.watched(w)).build();
        });
    }

    @Override
    public void unwatchSubject(org.skyfleet.proto.v1.UnwatchSubjectRequest request,
                               StreamObserver<org.skyfleet.proto.v1.UnwatchSubjectResponse> observer) {
        StatusMapping.answer(observer, () -> {
            var kind = GateProtos.kind(request.getSubjectKind());
            if (!watch.watchList().unwatch(kind, request.getSubjectId().strip())) {
                throw new java.util.NoSuchElementException(request.getSubjectKind() + " " + request.getSubjectId()
                        + " is not on the watch list");
            }
            var caller = org.skyfleet.server.grpc.CallerInterceptor.current();
            audit.append(caller == null ? "" : caller.toString(), "gate watch list remove", kind + " " + request.getSubjectId().strip(),
                    "", "ACCEPTED");
            return org.skyfleet.proto.v1.UnwatchSubjectResponse.getDefaultInstance();
        });
    }

    @Override
    public void listWatchedSubjects(org.skyfleet.proto.v1.ListWatchedSubjectsRequest request,
                                    StreamObserver<org.skyfleet.proto.v1.ListWatchedSubjectsResponse> observer) {
        StatusMapping.answer(observer, () -> org.skyfleet.proto.v1.ListWatchedSubjectsResponse.newBuilder()
                .addAllSubjects(watch.watchList().all().stream().map(GateProtos::watched).toList()).build());
    }

    @Override
    public void streamGateEvents(StreamGateEventsRequest request, StreamObserver<StreamGateEventsResponse> observer) {
        ServerCallStreamObserver<StreamGateEventsResponse> call = (ServerCallStreamObserver<StreamGateEventsResponse>) observer;
        Set<String> only = Set.copyOf(request.getGateIdsList());
        Stream stream = new Stream(call, only);
        AutoCloseable subscription = watch.subscribe(stream::offer);
        call.setOnCancelHandler(() -> {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        call.setOnReadyHandler(() -> watch.execute(stream::drain));
    }

    /** One reader's queue; touched only on the watch's thread. */
    private static final class Stream {
        private final ServerCallStreamObserver<StreamGateEventsResponse> call;
        private final Set<String> only;
        private final Deque<org.skyfleet.proto.v1.GateCrossing> queue = new ArrayDeque<>();
        private long skipped;

        Stream(ServerCallStreamObserver<StreamGateEventsResponse> call, Set<String> only) {
            this.call = call;
            this.only = only;
        }

        void offer(List<GateWatch.Observed> batch) {
            for (GateWatch.Observed o : batch) {
                if (only.isEmpty() || only.contains(o.crossing().gateId())) {
                    queue.addLast(GateProtos.crossing(o));
                    if (queue.size() > QUEUE_CAPACITY) {
                        queue.removeFirst();
                        skipped++;
                    }
                }
            }
            drain();
        }

        void drain() {
            if (call.isCancelled() || queue.isEmpty() || !call.isReady()) {
                return;
            }
            try {
                call.onNext(StreamGateEventsResponse.newBuilder().addAllCrossings(queue).setSkippedEvents(skipped).build());
            } catch (RuntimeException e) {
                call.onError(Status.CANCELLED.withDescription("the stream failed: " + e.getMessage()).asRuntimeException());
            }
            queue.clear();
            skipped = 0;
        }
    }
}
