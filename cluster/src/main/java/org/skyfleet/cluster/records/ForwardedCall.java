package org.skyfleet.cluster.records;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.util.Set;

/**
 * One call relayed to another node: the caller's messages go out as the leader can take them and the
 * leader's come back as the caller can take them (each side asks for one more only when the other is
 * ready), so a slow caller slows only its own stream. After grpc-java's GrpcProxy example.
 */
final class ForwardedCall<Q, R> {
    /** Transport headers the channel sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("content-type", "te", "user-agent", "host", "grpc-timeout",
            "grpc-encoding", "grpc-accept-encoding", "grpc-message-type");

    private final ServerCall<Q, R> serverCall;
    private final ClientCall<Q, R> clientCall;
    /** Guarded by this: a side asked for a message while the other was not ready for it. */
    private boolean requestFromCaller;
    private boolean requestFromLeader;

    private ForwardedCall(ServerCall<Q, R> serverCall, ClientCall<Q, R> clientCall) {
        this.serverCall = serverCall;
        this.clientCall = clientCall;
    }

    static <Q, R> ServerCall.Listener<Q> start(ServerCall<Q, R> serverCall, Metadata headers, Channel leader, String nodeId) {
        CallOptions options = CallOptions.DEFAULT;
        Deadline deadline = Context.current().getDeadline();
        if (deadline != null) {
            options = options.withDeadline(deadline);
        }
        ForwardedCall<Q, R> f = new ForwardedCall<>(serverCall, leader.newCall(serverCall.getMethodDescriptor(), options));
        f.clientCall.start(f.new FromLeader(), forwardable(headers, nodeId));
        serverCall.request(1);
        f.clientCall.request(1);
        return f.new FromCaller();
    }

    private static Metadata forwardable(Metadata in, String nodeId) {
        Metadata out = new Metadata();
        for (String key : in.keys()) {
            if (key.startsWith(":") || NOT_FORWARDED.contains(key)) {
                continue;
            }
            if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                Metadata.Key<byte[]> k = Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER);
                in.getAll(k).forEach(v -> out.put(k, v));
            } else {
                Metadata.Key<String> k = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
                in.getAll(k).forEach(v -> out.put(k, v));
            }
        }
        out.put(RoutedRecordServices.FORWARDED_BY, nodeId);
        return out;
    }

    private final class FromCaller extends ServerCall.Listener<Q> {
        @Override
        public void onMessage(Q message) {
            clientCall.sendMessage(message);
            synchronized (ForwardedCall.this) {
                if (clientCall.isReady()) {
                    serverCall.request(1);
                } else {
                    requestFromCaller = true;
                }
            }
        }

        @Override
        public void onHalfClose() {
            clientCall.halfClose();
        }

        @Override
        public void onCancel() {
            clientCall.cancel("the caller cancelled", null);
        }

        @Override
        public void onReady() {
            synchronized (ForwardedCall.this) {
                if (requestFromLeader) {
                    requestFromLeader = false;
                    clientCall.request(1);
                }
            }
        }
    }

    private final class FromLeader extends ClientCall.Listener<R> {
        @Override
        public void onHeaders(Metadata headers) {
            serverCall.sendHeaders(headers);
        }

        @Override
        public void onMessage(R message) {
            serverCall.sendMessage(message);
            synchronized (ForwardedCall.this) {
                if (serverCall.isReady()) {
                    clientCall.request(1);
                } else {
                    requestFromLeader = true;
                }
            }
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            if (status.getCode() == Status.Code.UNAVAILABLE && status.getDescription() == null) {
                status = status.withDescription("the records leader could not be reached");
            }
            serverCall.close(status, trailers);
        }

        @Override
        public void onReady() {
            synchronized (ForwardedCall.this) {
                if (requestFromCaller) {
                    requestFromCaller = false;
                    serverCall.request(1);
                }
            }
        }
    }
}
