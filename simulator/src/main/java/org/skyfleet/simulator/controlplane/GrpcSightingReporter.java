package org.skyfleet.simulator.controlplane;

import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportSightingResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.sensor.DetectionSink;
import org.skyfleet.simulator.sensor.SightingReport;

/**
 * Sends every sighting to the control plane as {@code SightingService.ReportSighting}, as the drones'
 * edge computers do: sighting id = report id, source DRONE (ROBOT for a ground robot's forward camera), source
 * id = the server's id of the vehicle, class PERSON, one-sigma radius = the report's uncertainty. The ground
 * truth ({@code truthTargetId}) never leaves the simulator: it stays in the local record ({@link #reports()}) for scoring.
 *
 * <p>{@link #report} is called on the simulation thread and never blocks it: calls are asynchronous and
 * at most {@code maxInFlight} are outstanding; a sighting that finds the window full is dropped and
 * counted ({@link #dropped()}). A call that fails for a transient reason (UNAVAILABLE,
 * DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED) is retried, keeping its place in the window, up to
 * {@code maxAttempts} in all; the server accepts a sighting id once, so a retry of a sighting that did
 * arrive is harmless. Each call names its vehicle: {@code x-skyfleet-subject: <vehicle id>},
 * {@code x-skyfleet-role: vehicle_edge}.
 */
public final class GrpcSightingReporter implements DetectionSink {
    private static final Logger LOG = Logger.getLogger(GrpcSightingReporter.class.getName());
    static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLE = Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /**
     * @param maxInFlight   calls outstanding at once, &gt; 0 (default 256)
     * @param maxAttempts   tries per sighting, &gt;= 1 (default 3)
     * @param callTimeout   deadline of each call (default 5 s)
     * @param retryBackoff  wall time before the first retry, doubled for each further one (default 200 ms)
     * @param tokenFor      the bearer token of a vehicle id, sent as {@code authorization: Bearer <token>}; null
     *                      (or a null token) for none
     */
    public record Options(int maxInFlight, int maxAttempts, Duration callTimeout, Duration retryBackoff,
                          Function<String, String> tokenFor) {
        public Options {
            if (maxInFlight <= 0 || maxAttempts <= 0) {
                throw new IllegalArgumentException("maxInFlight and maxAttempts must be > 0");
            }
            Objects.requireNonNull(callTimeout, "callTimeout");
            Objects.requireNonNull(retryBackoff, "retryBackoff");
        }

        public static Options defaults() {
            return new Options(256, 3, Duration.ofSeconds(5), Duration.ofMillis(200), null);
        }

        public Options withMaxInFlight(int n) {
            return new Options(n, maxAttempts, callTimeout, retryBackoff, tokenFor);
        }

        public Options withCallTimeout(Duration d) {
            return new Options(maxInFlight, maxAttempts, d, retryBackoff, tokenFor);
        }

        public Options withRetryBackoff(Duration d) {
            return new Options(maxInFlight, maxAttempts, callTimeout, d, tokenFor);
        }

        /** One token for every vehicle (its subject must then be allowed to report for all of them). */
        public Options withBearerToken(String token) {
            return new Options(maxInFlight, maxAttempts, callTimeout, retryBackoff, token == null ? null : vehicleId -> token);
        }

        /** A token per vehicle, each naming that vehicle as its subject: what a server requiring tokens checks. */
        public Options withTokens(Function<String, String> tokenForVehicleId) {
            return new Options(maxInFlight, maxAttempts, callTimeout, retryBackoff, tokenForVehicleId);
        }
    }

    private final Channel channel;
    private final Options options;
    private final Function<String, String> vehicleIdForName;
    private final Map<String, SightingServiceGrpc.SightingServiceStub> stubs = new ConcurrentHashMap<>();
    private final Context.CancellableContext context = Context.ROOT.withCancellation();
    private final ScheduledExecutorService retries;
    private final List<SightingReport> reports = new ArrayList<>();
    private final Map<String, String> trackIds = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile Supplier<String> incidentId = () -> null;
    private volatile String lastError;

    /** Reports under the vehicles' own names as source ids. */
    public GrpcSightingReporter(Channel channel) {
        this(channel, Function.identity(), Options.defaults());
    }

    /**
     * @param vehicleIdForName the server's id of a vehicle by its simulator name (see {@link VehicleIds})
     */
    public GrpcSightingReporter(Channel channel, Function<String, String> vehicleIdForName, Options options) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.vehicleIdForName = Objects.requireNonNull(vehicleIdForName, "vehicleIdForName");
        this.options = Objects.requireNonNull(options, "options");
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyfleet-sighting-retries");
            t.setDaemon(true);
            return t;
        });
    }

    /** The incident the sightings belong to, asked at each report; null or empty: none. */
    public void setIncident(Supplier<String> incident) {
        this.incidentId = Objects.requireNonNull(incident, "incident");
    }

    public void setIncidentId(String id) {
        setIncident(() -> id);
    }

    @Override
    public void report(SightingReport r) {
        synchronized (reports) {
            reports.add(r);
        }
        if (context.isCancelled()) {
            dropped.incrementAndGet();
            return;
        }
        if (inFlight.incrementAndGet() > options.maxInFlight()) {
            inFlight.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        String vehicleId = vehicleIdForName.apply(r.vehicleName());
        send(vehicleId, request(r, vehicleId), 1);
    }

    ReportSightingRequest request(SightingReport r, String vehicleId) {
        ReportSightingRequest.Builder b = ReportSightingRequest.newBuilder()
                .setSightingId(r.reportId())
                .setSource(r.groundRobot() ? SightingSource.SIGHTING_SOURCE_ROBOT : SightingSource.SIGHTING_SOURCE_DRONE)
                .setSourceId(vehicleId)
                .setTime(ProtoMapping.timestamp(r.timeEpochMs()))
                .setPosition(ProtoMapping.geoPoint(new GeoPoint(r.latDeg(), r.lonDeg())))
                .setSigmaM(r.uncertaintyM())
                .setTargetClass(TargetClass.TARGET_CLASS_PERSON)
                .setConfidence(r.confidence());
        String incident = incidentId.get();
        if (incident != null && !incident.isEmpty()) {
            b.setIncidentId(incident);
        }
        return b.build();
    }

    private void send(String vehicleId, ReportSightingRequest request, int attempt) {
        SightingServiceGrpc.SightingServiceStub stub = stubs.computeIfAbsent(vehicleId, this::stubFor)
                .withDeadlineAfter(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        context.run(() -> stub.reportSighting(request, new StreamObserver<>() {
            @Override
            public void onNext(ReportSightingResponse response) {
                if (response.getDuplicate()) {
                    duplicates.incrementAndGet();
                }
                if (!response.getTrackId().isEmpty()) {
                    trackIds.put(request.getSightingId(), response.getTrackId());
                }
                accepted.incrementAndGet();
                inFlight.decrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
                Status status = Status.fromThrowable(t);
                if (attempt < options.maxAttempts() && retriable(status.getCode()) && !context.isCancelled()) {
                    retried.incrementAndGet();
                    long delayMs = options.retryBackoff().toMillis() << (attempt - 1);
                    try {
                        retries.schedule(() -> send(vehicleId, request, attempt + 1), delayMs, TimeUnit.MILLISECONDS);
                        return;
                    } catch (java.util.concurrent.RejectedExecutionException closed) {
                        // closed meanwhile: count it as failed below
                    }
                }
                lastError = request.getSightingId() + ": " + status;
                if (status.getCode() != Status.Code.CANCELLED) {
                    LOG.fine(() -> "sighting " + lastError);
                }
                failed.incrementAndGet();
                inFlight.decrementAndGet();
            }

            @Override
            public void onCompleted() {
            }
        }));
    }

    private static boolean retriable(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.ABORTED;
    }

    private SightingServiceGrpc.SightingServiceStub stubFor(String vehicleId) {
        Metadata headers = new Metadata();
        headers.put(SUBJECT, vehicleId);
        headers.put(ROLE, "vehicle_edge");
        String token = options.tokenFor() == null ? null : options.tokenFor().apply(vehicleId);
        if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        return SightingServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Every sighting reported to this sink, sent or not, with its ground truth: for scoring. */
    public List<SightingReport> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    /** The track the server fused a sighting into, if it said. */
    public Optional<String> trackIdOf(String sightingId) {
        return Optional.ofNullable(trackIds.get(sightingId));
    }

    /** Sightings the server answered (new or repeated). */
    public long accepted() {
        return accepted.get();
    }

    /** Of those, sightings the server had already seen (a retry whose first answer was lost). */
    public long duplicates() {
        return duplicates.get();
    }

    /** Sightings not sent because {@code maxInFlight} calls were outstanding (or the reporter was closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Sightings given up after their last attempt failed, or cancelled by {@link #close}. */
    public long failed() {
        return failed.get();
    }

    /** Retries made. */
    public long retried() {
        return retried.get();
    }

    /** Calls outstanding now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The last failure, "sighting id: status", or null. */
    public String lastError() {
        return lastError;
    }

    /** Cancels the calls still outstanding and stops retrying; the channel stays the caller's. */
    @Override
    public void close() {
        retries.shutdownNow();
        context.cancel(null);
    }
}
