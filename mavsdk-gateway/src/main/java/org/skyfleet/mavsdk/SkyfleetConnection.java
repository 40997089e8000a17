package org.skyfleet.mavsdk;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;

/** One channel to SkyFleet's gRPC port; stubs that carry a caller's bearer token. */
final class SkyfleetConnection implements AutoCloseable {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;

    SkyfleetConnection(String host, int port) {
        this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
    }

    /** @param token the caller's bearer token, as `skyfleet token create` made it */
    Channel asCaller(String token) {
        return ClientInterceptors.intercept(channel, new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.put(AUTHORIZATION, "Bearer " + token);
                        super.start(listener, headers);
                    }
                };
            }
        });
    }

    FleetServiceGrpc.FleetServiceBlockingStub fleet(String token) {
        return FleetServiceGrpc.newBlockingStub(asCaller(token)).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    MissionServiceGrpc.MissionServiceBlockingStub missions(String token, int deadlineS) {
        return MissionServiceGrpc.newBlockingStub(asCaller(token)).withDeadlineAfter(deadlineS, TimeUnit.SECONDS);
    }

    MissionServiceGrpc.MissionServiceStub missionStreams(String token) {
        return MissionServiceGrpc.newStub(asCaller(token));
    }

    TelemetryServiceGrpc.TelemetryServiceStub telemetry(String token) {
        return TelemetryServiceGrpc.newStub(asCaller(token));
    }

    GeofenceServiceGrpc.GeofenceServiceBlockingStub geofences(String token) {
        return GeofenceServiceGrpc.newBlockingStub(asCaller(token)).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
