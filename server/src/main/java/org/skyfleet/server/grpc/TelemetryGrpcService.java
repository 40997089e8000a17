package org.skyfleet.server.grpc;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.StreamEventsRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.telemetry.fanout.EventFanout;
import org.skyfleet.telemetry.fanout.StateFanout;
import org.skyfleet.telemetry.fanout.Subscription;

/**
 * {@code skyfleet.v1.TelemetryService}. Responses are pre-serialized by the fan-out (once per update,
 * shared by all streams), so the methods are bound with a byte-array response marshaller; requests and
 * the service's schema (for reflection) are the generated ones.
 */
public final class TelemetryGrpcService implements BindableService {
    static final MethodDescriptor<StreamVehicleStatesRequest, byte[]> STREAM_STATES =
            TelemetryServiceGrpc.getStreamVehicleStatesMethod().toBuilder(
                    ProtoUtils.marshaller(StreamVehicleStatesRequest.getDefaultInstance()), PreSerialized.BYTES).build();
    static final MethodDescriptor<StreamEventsRequest, byte[]> STREAM_EVENTS =
            TelemetryServiceGrpc.getStreamEventsMethod().toBuilder(
                    ProtoUtils.marshaller(StreamEventsRequest.getDefaultInstance()), PreSerialized.BYTES).build();

    private final VehicleRegistry registry;
    private final StateFanout<byte[]> states;
    private final EventFanout<byte[]> events;

    public TelemetryGrpcService(VehicleRegistry registry, StateFanout<byte[]> states, EventFanout<byte[]> events) {
        this.registry = registry;
        this.states = states;
        this.events = events;
    }

    /** The fan-out encoder for states: one entry of a StreamVehicleStatesResponse's field 1, ages as of now. */
    public static byte[] encodeState(VehicleState state, InstantSource clock) {
        return PreSerialized.asField1(ProtoMapper.toProto(state, clock.instant()));
    }

    /** The fan-out encoder for events: one entry of a StreamEventsResponse's field 1. */
    public static byte[] encodeEvent(VehicleEvent event) {
        return PreSerialized.asField1(ProtoMapper.toProto(event));
    }

    @Override
    public ServerServiceDefinition bindService() {
        ServiceDescriptor descriptor = ServiceDescriptor.newBuilder(TelemetryServiceGrpc.SERVICE_NAME)
                .setSchemaDescriptor(TelemetryServiceGrpc.getServiceDescriptor().getSchemaDescriptor())
                .addMethod(STREAM_STATES)
                .addMethod(STREAM_EVENTS)
                .build();
        return ServerServiceDefinition.builder(descriptor)
                .addMethod(STREAM_STATES, ServerCalls.asyncServerStreamingCall(this::streamStates))
                .addMethod(STREAM_EVENTS, ServerCalls.asyncServerStreamingCall(this::streamEvents))
                .build();
    }

    private void streamStates(StreamVehicleStatesRequest request, StreamObserver<byte[]> observer) {
        Predicate<VehicleState> filter;
        double maxRateHz;
        try {
            filter = StateFilter.from(request, registry);
            maxRateHz = StateFilter.maxRateHz(request);
        } catch (RuntimeException e) {
            StatusMapping.refuse(observer, e);
            return;
        }
        ServerCallStreamObserver<byte[]> call = (ServerCallStreamObserver<byte[]>) observer;
        attach(call, () -> states.subscribe(filter, maxRateHz, new StreamSink(call), registry.all()));
    }

    private void streamEvents(StreamEventsRequest request, StreamObserver<byte[]> observer) {
        Set<String> ids;
        try {
            ids = StateFilter.vehicleIds(request.getVehicleIdsList(), registry);
            if (request.getMinSeverityValue() < 0 || request.getMinSeverityValue() > 3) {
                throw new IllegalArgumentException("unknown min_severity " + request.getMinSeverityValue()
                        + ": give EVENT_SEVERITY_INFO, _WARNING, _CRITICAL or leave it unset");
            }
        } catch (RuntimeException e) {
            StatusMapping.refuse(observer, e);
            return;
        }
        int minSeverity = Math.max(0, request.getMinSeverityValue() - 1);  // proto is domain ordinal + 1
        Predicate<VehicleEvent> filter = e -> (ids.isEmpty() || ids.contains(e.vehicleId()))
                && e.severity().ordinal() >= minSeverity;
        ServerCallStreamObserver<byte[]> call = (ServerCallStreamObserver<byte[]>) observer;
        attach(call, () -> events.subscribe(filter, new StreamSink(call)));
    }

    /** Wires gRPC flow control and cancellation to a fan-out subscription. */
    private static void attach(ServerCallStreamObserver<byte[]> call,
                               java.util.function.Supplier<Subscription<byte[]>> subscribe) {
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
        subscription.set(subscribe.get());
        if (call.isCancelled()) {
            subscription.get().close();
        }
    }
}
