package org.skyfleet.server.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.skyfleet.fleet.control.Operator;

/**
 * Caps the calls in flight at once, per connection and per caller, so one client cannot hold every
 * stream and thread of the server: beyond a cap a new call is refused with RESOURCE_EXHAUSTED saying which
 * cap, before it reaches its service. A call counts from its start until it is closed or cancelled, so a
 * long-lived stream (the live states, an incident's timeline) counts for as long as it is open. The caller
 * is the token's subject; an unnamed caller is its IP address, whatever port it comes from. Runs after
 * {@link CallerInterceptor}, which names the caller.
 *
 * @param perConnection calls one connection may have in flight
 * @param perCaller     calls one caller may have in flight over all its connections
 */
public record CallLimits(int perConnection, int perCaller) {
    /** A console, a pilot's tools and a few streams each fit many times over; a flood does not. */
    public static CallLimits defaults() {
        return new CallLimits(200, 100);
    }

    public CallLimits {
        if (perConnection < 1 || perCaller < 1) {
            throw new IllegalArgumentException("call limits must be at least 1, got " + perConnection + " per connection and "
                    + perCaller + " per caller");
        }
    }

    /** The interceptor that keeps these limits for one server. */
    public ServerInterceptor interceptor() {
        return new Enforcer(this);
    }

    private static final class Enforcer implements ServerInterceptor {
        private final CallLimits limits;
        private final Map<SocketAddress, AtomicInteger> byConnection = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> byCaller = new ConcurrentHashMap<>();

        Enforcer(CallLimits limits) {
            this.limits = limits;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            SocketAddress connection = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            Operator operator = CallerInterceptor.current();
            String caller = operator != null ? operator.toString() : "anonymous@" + CallerInterceptor.sourceOf(call);
            if (!take(byConnection, connection, limits.perConnection())) {
                return refuse(call, "more than " + limits.perConnection() + " calls in flight on one connection");
            }
            if (!take(byCaller, caller, limits.perCaller())) {
                give(byConnection, connection);
                return refuse(call, "more than " + limits.perCaller() + " calls in flight for " + caller
                        + "; close streams you no longer watch");
            }
            AtomicBoolean ended = new AtomicBoolean();
            Runnable end = () -> {
                if (ended.compareAndSet(false, true)) {
                    give(byConnection, connection);
                    give(byCaller, caller);
                }
            };
            ServerCall<Q, R> counted = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void close(Status status, Metadata trailers) {
                    end.run();
                    super.close(status, trailers);
                }
            };
            ServerCall.Listener<Q> listener;
            try {
                listener = next.startCall(counted, headers);
            } catch (RuntimeException e) {
                end.run();
                throw e;
            }
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
                @Override
                public void onCancel() {
                    end.run();
                    super.onCancel();
                }

                @Override
                public void onComplete() {
                    end.run();
                    super.onComplete();
                }
            };
        }

        private static <K> boolean take(Map<K, AtomicInteger> counts, K key, int cap) {
            if (key == null) {
                return true;
            }
            boolean[] taken = {false};
            counts.compute(key, (k, n) -> {
                AtomicInteger c = n == null ? new AtomicInteger() : n;
                if (c.get() < cap) {
                    c.incrementAndGet();
                    taken[0] = true;
                }
                return c.get() == 0 ? null : c;
            });
            return taken[0];
        }

        private static <K> void give(Map<K, AtomicInteger> counts, K key) {
            if (key != null) {
                counts.computeIfPresent(key, (k, n) -> n.decrementAndGet() == 0 ? null : n);
            }
        }

        private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String why) {
            call.close(Status.RESOURCE_EXHAUSTED.withDescription(why), new Metadata());
            return new ServerCall.Listener<>() { };
        }
    }
}
