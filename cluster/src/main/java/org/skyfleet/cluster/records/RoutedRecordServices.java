package org.skyfleet.cluster.records;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The record services as this node binds them in a cluster: each call is served by this node's records
 * if it leads them, forwarded whole (headers, messages both ways with flow control, deadline, cancellation)
 * to the leader if another node does, and refused UNAVAILABLE with the reason while no leader is serving.
 * The caller's token travels with a forwarded call, so the leader checks roles and audits as if called
 * directly. A call that was already forwarded once is never forwarded again: leadership moved under it,
 * and the caller retries.
 */
public final class RoutedRecordServices {
    static final Metadata.Key<String> FORWARDED_BY = Metadata.Key.of("x-skyfleet-forwarded-by", Metadata.ASCII_STRING_MARSHALLER);

    private final Supplier<RecordsRoute> routes;
    private final Function<String, ManagedChannel> channels;
    private final String nodeId;
    private final Counter forwarded;
    private final Counter refused;

    /**
     * @param routes   where calls go now
     * @param channels a channel to a node's gRPC target, kept open between calls
     */
    public RoutedRecordServices(Supplier<RecordsRoute> routes, Function<String, ManagedChannel> channels, String nodeId,
                                MeterRegistry meters) {
        this.routes = routes;
        this.channels = channels;
        this.nodeId = nodeId;
        this.forwarded = Counter.builder("skyfleet.records.calls").tag("route", "forwarded")
                .description("record service calls this node forwarded to the records leader").register(meters);
        this.refused = Counter.builder("skyfleet.records.calls").tag("route", "unavailable")
                .description("record service calls refused while no records leader was serving").register(meters);
    }

    /** {@code service}'s methods, each routed. */
    public ServerServiceDefinition routed(ServiceDescriptor service) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service);
        for (MethodDescriptor<?, ?> m : service.getMethods()) {
            b.addMethod(routedMethod(m, service.getName()));
        }
        return b.build();
    }

    private <Q, R> ServerMethodDefinition<Q, R> routedMethod(MethodDescriptor<Q, R> method, String serviceName) {
        ServerCallHandler<Q, R> handler = (call, headers) -> {
            RecordsRoute route = routes.get();
            if (route.isLocal()) {
                @SuppressWarnings("unchecked")
                ServerMethodDefinition<Q, R> local = (ServerMethodDefinition<Q, R>) route.local().service(serviceName)
                        .getMethod(method.getFullMethodName());
                return local.getServerCallHandler().startCall(call, headers);
            }
            if (route.isRemote() && !headers.containsKey(FORWARDED_BY)) {
                forwarded.increment();
                return ForwardedCall.start(call, headers, channels.apply(route.leaderTarget()), nodeId);
            }
            refused.increment();
            String reason = route.isRemote() ? "the records leader moved while the call was forwarded; retry"
                    : route.unavailableReason();
            call.close(Status.UNAVAILABLE.withDescription(reason), new Metadata());
            return new ServerCall.Listener<>() { };
        };
        return ServerMethodDefinition.create(method, handler);
    }
}
