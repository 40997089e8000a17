package org.skyfleet.app.console;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.http.HttpReply;

/**
 * The console's JSON calls: {@code POST /api/v1/rpc/<service>/<method>} with the request in protobuf's
 * JSON mapping, answered with the response the same way. The call goes to the server's own gRPC port
 * carrying the browser's bearer token, so the gRPC services' own role checks, validation and audit apply
 * unchanged; only the unary methods the console needs are open. gRPC codes become HTTP statuses.
 */
public final class RpcBridge implements AutoCloseable {
    public static final String PREFIX = "/api/v1/rpc/";
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace().preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence();

    private final ManagedChannel channel;
    private final Map<String, MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new HashMap<>();
    private final Map<String, Descriptors.Descriptor> requestTypes = new HashMap<>();

    /**
     * @param channel  to the server's gRPC port
     * @param services the generated services' schema suppliers (e.g. {@code MissionServiceGrpc.getServiceDescriptor()})
     * @param open     "Service/Method" names the console may call, e.g. "skyfleet.v1.MissionService/PlanMission"
     */
    public RpcBridge(ManagedChannel channel, List<io.grpc.ServiceDescriptor> services, Set<String> open) {
        this.channel = channel;
        for (io.grpc.ServiceDescriptor service : services) {
            Descriptors.ServiceDescriptor schema = ((ProtoServiceDescriptorSupplier) service.getSchemaDescriptor()).getServiceDescriptor();
            for (Descriptors.MethodDescriptor m : schema.getMethods()) {
                String name = schema.getFullName() + "/" + m.getName();
                if (open.contains(name) && !m.isClientStreaming() && !m.isServerStreaming()) {
                    requestTypes.put(name, m.getInputType());
                    methods.put(name, MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                            .setType(MethodDescriptor.MethodType.UNARY)
                            .setFullMethodName(name)
                            .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(m.getInputType())))
                            .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(m.getOutputType())))
                            .build());
                }
            }
        }
        if (methods.size() != open.size()) {
            throw new IllegalArgumentException("not unary methods of the given services: " + open.stream()
                    .filter(n -> !methods.containsKey(n)).toList());
        }
    }

    /** Whether the console may call {@code name} ("Service/Method") at all; who may is the role table's to say. */
    public boolean opens(String name) {
        return methods.containsKey(name);
    }

    /** Calls {@code name} ("Service/Method") with a JSON body on behalf of the token's holder. */
    public CompletableFuture<HttpReply> call(String name, String bearerToken, byte[] body) {
        MethodDescriptor<DynamicMessage, DynamicMessage> method = methods.get(name);
        if (method == null) {
            return CompletableFuture.completedFuture(HttpReply.error(404, "not_found", "the console cannot call " + name));
        }
        DynamicMessage.Builder request = DynamicMessage.newBuilder(requestTypes.get(name));
        try {
            PARSER.merge(body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8), request);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return CompletableFuture.completedFuture(HttpReply.error(400, "invalid_argument",
                    "body is not a " + request.getDescriptorForType().getName() + " in JSON: " + e.getMessage()));
        }
        Metadata headers = CallerInterceptor.bearer(bearerToken);
        CompletableFuture<HttpReply> reply = new CompletableFuture<>();
        var future = ClientCalls.futureUnaryCall(
                io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers))
                        .newCall(method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)), request.build());
        future.addListener(() -> {
            try {
                reply.complete(HttpReply.json(200, PRINTER.print(future.get())));
            } catch (java.util.concurrent.ExecutionException e) {
                Status s = Status.fromThrowable(e.getCause());
                reply.complete(HttpReply.error(httpStatus(s.getCode()), s.getCode().name().toLowerCase(java.util.Locale.ROOT),
                        String.valueOf(s.getDescription())));
            } catch (InterruptedException | InvalidProtocolBufferException | RuntimeException e) {
                reply.complete(HttpReply.error(500, "internal", String.valueOf(e.getMessage())));
            }
        }, Runnable::run);
        return reply;
    }

    static int httpStatus(Status.Code code) {
        return switch (code) {
            case OK -> 200;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> 409;
            case RESOURCE_EXHAUSTED -> 429;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
