package org.skyfleet.server.grpc;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.fleet.vessel.Vessel;
import org.skyfleet.fleet.vessel.VesselRegistry;
import org.skyfleet.proto.v1.GetVesselRequest;
import org.skyfleet.proto.v1.GetVesselResponse;
import org.skyfleet.proto.v1.GetVesselTrackRequest;
import org.skyfleet.proto.v1.GetVesselTrackResponse;
import org.skyfleet.proto.v1.ListVesselsRequest;
import org.skyfleet.proto.v1.ListVesselsResponse;
import org.skyfleet.proto.v1.StreamVesselsRequest;
import org.skyfleet.proto.v1.VesselServiceGrpc;
import org.skyfleet.proto.v1.VesselTrackSample;
import org.skyfleet.telemetry.fanout.Subscription;
import org.skyfleet.telemetry.fanout.VesselFanout;

/**
 * {@code skyfleet.v1.VesselService}. The stream is bound with the pre-serialized response marshaller, as
 * {@link TelemetryGrpcService}'s: each vessel update is encoded once for every stream. Roles are checked by
 * {@link RoleInterceptor} against {@link RpcRoles}.
 */
public final class VesselGrpcService implements BindableService {
    static final MethodDescriptor<StreamVesselsRequest, byte[]> STREAM_VESSELS =
            VesselServiceGrpc.getStreamVesselsMethod().toBuilder(
                    ProtoUtils.marshaller(StreamVesselsRequest.getDefaultInstance()), PreSerialized.BYTES).build();
    static final int DEFAULT_MAX_SAMPLES = 10_000;
    static final int MAX_SAMPLES = 100_000;

    private final VesselRegistry registry;
    private final VesselFanout<byte[]> fanout;
    private final PositionHistoryStore tracks;
    private final InstantSource clock;
    private final java.util.function.Supplier<org.skyfleet.server.vessel.SeaGateWatch> watch;

    /** @param watch the sea gate's rules, null until they run */
    public VesselGrpcService(VesselRegistry registry, VesselFanout<byte[]> fanout, PositionHistoryStore tracks, InstantSource clock,
                             java.util.function.Supplier<org.skyfleet.server.vessel.SeaGateWatch> watch) {
        this.registry = registry;
        this.fanout = fanout;
        this.tracks = tracks;
        this.clock = clock;
        this.watch = watch;
    }

    private org.skyfleet.server.vessel.SeaGateWatch watch() {
        org.skyfleet.server.vessel.SeaGateWatch w = watch.get();
        if (w == null) {
            throw Status.FAILED_PRECONDITION.withDescription("the sea gate's rules are not running on this node").asRuntimeException();
        }
        return w;
    }

    private void listVesselAlerts(org.skyfleet.proto.v1.ListVesselAlertsRequest request,
                                  StreamObserver<org.skyfleet.proto.v1.ListVesselAlertsResponse> observer) {
        StatusMapping.answer(observer, () -> {
            org.skyfleet.proto.v1.ListVesselAlertsResponse.Builder out = org.skyfleet.proto.v1.ListVesselAlertsResponse.newBuilder();
            watch().alerts().stream().filter(r -> request.getIncludeSettled() || !r.settled())
                    .forEach(r -> out.addAlerts(VesselProtos.toProto(r)));
            return out.build();
        });
    }

    private void approveVesselCheck(org.skyfleet.proto.v1.ApproveVesselCheckRequest request,
                                    StreamObserver<org.skyfleet.proto.v1.ApproveVesselCheckResponse> observer) {
        StatusMapping.answer(observer, () -> org.skyfleet.proto.v1.ApproveVesselCheckResponse.newBuilder().setAlert(VesselProtos.toProto(
                watch().approve(CallerInterceptor.require(), request.getAlertId(), request.getReason()))).build());
    }

    private void rejectVesselCheck(org.skyfleet.proto.v1.RejectVesselCheckRequest request,
                                   StreamObserver<org.skyfleet.proto.v1.RejectVesselCheckResponse> observer) {
        StatusMapping.answer(observer, () -> org.skyfleet.proto.v1.RejectVesselCheckResponse.newBuilder().setAlert(VesselProtos.toProto(
                watch().reject(CallerInterceptor.require(), request.getAlertId(), request.getReason()))).build());
    }

    /** The fan-out encoder: one entry of a StreamVesselsResponse's field 1, its age as of now. */
    public static byte[] encode(Vessel v, InstantSource clock) {
        return PreSerialized.asField1(VesselProtos.toProto(v, clock.instant()));
    }

    /** The id a vessel's positions are stored under in the position history. */
    public static String trackId(long mmsi) {
        return "vessel:" + mmsi;
    }

    @Override
    public ServerServiceDefinition bindService() {
        ServiceDescriptor descriptor = ServiceDescriptor.newBuilder(VesselServiceGrpc.SERVICE_NAME)
                .setSchemaDescriptor(VesselServiceGrpc.getServiceDescriptor().getSchemaDescriptor())
                .addMethod(VesselServiceGrpc.getListVesselsMethod())
                .addMethod(VesselServiceGrpc.getGetVesselMethod())
                .addMethod(STREAM_VESSELS)
                .addMethod(VesselServiceGrpc.getGetVesselTrackMethod())
                .addMethod(VesselServiceGrpc.getListVesselAlertsMethod())
                .addMethod(VesselServiceGrpc.getApproveVesselCheckMethod())
                .addMethod(VesselServiceGrpc.getRejectVesselCheckMethod())
                .build();
        return ServerServiceDefinition.builder(descriptor)
                .addMethod(VesselServiceGrpc.getListVesselsMethod(), ServerCalls.asyncUnaryCall(this::listVessels))
                .addMethod(VesselServiceGrpc.getGetVesselMethod(), ServerCalls.asyncUnaryCall(this::getVessel))
                .addMethod(STREAM_VESSELS, ServerCalls.asyncServerStreamingCall(this::streamVessels))
                .addMethod(VesselServiceGrpc.getGetVesselTrackMethod(), ServerCalls.asyncUnaryCall(this::getVesselTrack))
                .addMethod(VesselServiceGrpc.getListVesselAlertsMethod(), ServerCalls.asyncUnaryCall(this::listVesselAlerts))
                .addMethod(VesselServiceGrpc.getApproveVesselCheckMethod(), ServerCalls.asyncUnaryCall(this::approveVesselCheck))
                .addMethod(VesselServiceGrpc.getRejectVesselCheckMethod(), ServerCalls.asyncUnaryCall(this::rejectVesselCheck))
                .build();
    }

    private void listVessels(ListVesselsRequest request, StreamObserver<ListVesselsResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Predicate<Vessel> filter = VesselProtos.filter(request.getFilter());
            Instant now = clock.instant();
            ListVesselsResponse.Builder out = ListVesselsResponse.newBuilder();
            registry.all().stream().filter(filter).sorted(Comparator.comparingLong(Vessel::mmsi))
                    .forEach(v -> out.addVessels(VesselProtos.toProto(v, now)));
            return out.build();
        });
    }

    private void getVessel(GetVesselRequest request, StreamObserver<GetVesselResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Vessel v = registry.get(request.getMmsi());
            if (v == null) {
                throw Status.NOT_FOUND.withDescription("vessel " + request.getMmsi()
                        + " has not been heard; ListVessels shows the vessels heard").asRuntimeException();
            }
            return GetVesselResponse.newBuilder().setVessel(VesselProtos.toProto(v, clock.instant())).build();
        });
    }

    private void getVesselTrack(GetVesselTrackRequest request, StreamObserver<GetVesselTrackResponse> observer) {
        StatusMapping.answer(observer, () -> {
            if (!request.hasFrom() || !request.hasTo()) {
                throw invalid("from and to are required");
            }
            Instant from = ProtoMapper.instant(request.getFrom());
            Instant to = ProtoMapper.instant(request.getTo());
            if (!to.isAfter(from)) {
                throw invalid("to (" + to + ") must be after from (" + from + ")");
            }
            int max = request.getMaxSamples() == 0 ? DEFAULT_MAX_SAMPLES : request.getMaxSamples();
            if (max < 0 || max > MAX_SAMPLES) {
                throw invalid("max_samples must be 0.." + MAX_SAMPLES + ", got " + Integer.toUnsignedString(request.getMaxSamples()));
            }
            List<PositionSample> samples = tracks.replay(trackId(request.getMmsi()), from, to);
            GetVesselTrackResponse.Builder out = GetVesselTrackResponse.newBuilder().setTruncated(samples.size() > max);
            for (PositionSample s : samples.subList(0, Math.min(max, samples.size()))) {
                out.addSamples(VesselTrackSample.newBuilder().setTime(ProtoMapper.timestamp(s.time()))
                        .setLatDeg(s.latDeg()).setLonDeg(s.lonDeg()));
            }
            return out.build();
        });
    }

    private void streamVessels(StreamVesselsRequest request, StreamObserver<byte[]> observer) {
        Predicate<Vessel> filter;
        try {
            filter = VesselProtos.filter(request.getFilter());
        } catch (RuntimeException e) {
            StatusMapping.refuse(observer, e);
            return;
        }
        ServerCallStreamObserver<byte[]> call = (ServerCallStreamObserver<byte[]>) observer;
        AtomicReference<Subscription<byte[]>> subscription = new AtomicReference<>();
        call.setOnReadyHandler(() -> {
            Subscription<byte[]> s = subscription.get();
            if (s != null) {
                s.onReady();
            }
        });
        call.setOnCancelHandler(() -> {
            Subscription<byte[]> s = subscription.get();
            if (s != null) {
                s.close();
            }
        });
        subscription.set(fanout.subscribe(filter, new StreamSink(call), registry.all()));
        if (call.isCancelled()) {
            subscription.get().close();
        }
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
