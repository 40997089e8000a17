package org.skyfleet.server.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;
import org.skyfleet.fleet.control.Operator;

/**
 * Puts the caller's identity in the call's context. Until token authentication replaces it, callers
 * name themselves in metadata ({@code x-skyfleet-subject}, {@code x-skyfleet-role}); calls that act
 * on the fleet require it, watching does not.
 */
public final class CallerInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLE = Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Operator> CALLER = Context.key("skyfleet-caller");
    private static final Context.Key<String> PROBLEM = Context.key("skyfleet-caller-problem");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String subject = headers.get(SUBJECT);
        String role = headers.get(ROLE);
        Context ctx = Context.current();
        if (subject != null && role != null) {
            try {
                ctx = ctx.withValue(CALLER, new Operator(subject, Operator.Role.valueOf(role.trim().toUpperCase(Locale.ROOT)
                        .replace('-', '_'))));
            } catch (IllegalArgumentException e) {
                ctx = ctx.withValue(PROBLEM, "unknown role '" + role + "'");
            }
        }
        return Contexts.interceptCall(ctx, call, headers, next);
    }

    /** The caller, or UNAUTHENTICATED saying how to identify. */
    public static Operator require() {
        Operator o = CALLER.get();
        if (o == null) {
            String problem = PROBLEM.get();
            throw Status.UNAUTHENTICATED.withDescription((problem != null ? problem + "; " : "")
                    + "identify with metadata x-skyfleet-subject and x-skyfleet-role (pilot, commander, automation, admin...)")
                    .asRuntimeException();
        }
        return o;
    }

    /** For tests and clients: metadata that names a caller. */
    public static Metadata headers(String subject, String role) {
        Metadata m = new Metadata();
        m.put(SUBJECT, subject);
        m.put(ROLE, role);
        return m;
    }

    static StatusRuntimeException unauthenticated(String message) {
        return Status.UNAUTHENTICATED.withDescription(message).asRuntimeException();
    }
}
