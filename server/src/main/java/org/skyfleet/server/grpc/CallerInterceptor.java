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
 * Puts the caller's identity in the call's context: the operator its bearer token names
 * ({@code authorization: Bearer <token>}, from {@code skyfleet token create}). Only where named callers
 * are trusted (tests, a lab demo: {@code trustNamedCallers}) may a caller without a token name itself in
 * metadata ({@code x-skyfleet-subject}, {@code x-skyfleet-role}). Calls that act on the fleet require an
 * identity; which roles may call what is {@link RpcRoles}.
 */
public final class CallerInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** Probes and discovery answer anyone: load balancers and grpcurl carry no token. */
    private static final java.util.Set<String> OPEN_SERVICES = java.util.Set.of("grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final org.skyfleet.server.auth.TokenAuthority tokens;
    private final boolean trustNamedCallers;
    private final org.skyfleet.server.auth.RefusalTally refusals;

    /** Callers name themselves in metadata; no tokens (tests, the demo). */
    public CallerInterceptor() {
        this(null, true, null);
    }

    /**
     * @param tokens            checks bearer tokens; null accepts none
     * @param trustNamedCallers without a token, a caller may name itself in metadata; false: a token is required
     * @param refusals          where refusals (UNAUTHENTICATED, PERMISSION_DENIED) are counted by source, caller and
     *                          reason, for the audit journal to have them by the minute; null: not audited
     */
    public CallerInterceptor(org.skyfleet.server.auth.TokenAuthority tokens, boolean trustNamedCallers,
                             org.skyfleet.server.auth.RefusalTally refusals) {
        this.tokens = tokens;
        this.trustNamedCallers = trustNamedCallers;
        this.refusals = refusals;
    }

    static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLE = Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Operator> CALLER = Context.key("skyfleet-caller");
    private static final Context.Key<String> PROBLEM = Context.key("skyfleet-caller-problem");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        String service = call.getMethodDescriptor().getServiceName();
        Context ctx = Context.current();
        String authorization = headers.get(AUTHORIZATION);
        String refused = null;
        Operator caller = null;
        if (authorization != null && authorization.startsWith("Bearer ") && tokens != null) {
            var verdict = tokens.verify(authorization.substring(7).strip());
            if (verdict instanceof org.skyfleet.server.auth.TokenAuthority.Valid v) {
                caller = v.operator();
            } else {
                refused = ((org.skyfleet.server.auth.TokenAuthority.Refused) verdict).reason();
            }
        } else if (authorization != null) {
            refused = "only Bearer tokens are accepted";
        }
        if (!trustNamedCallers && caller == null && !OPEN_SERVICES.contains(service)) {
            String why = refused != null ? refused : "a bearer token is required (skyfleet token create --role ... --subject ...)";
            if (refusals != null) {
                refusals.record(sourceOf(call), "anonymous", "UNAUTHENTICATED", method + ": " + why);
            }
            call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        if (caller != null) {
            ctx = ctx.withValue(CALLER, caller);
            return Contexts.interceptCall(ctx, audited(call, caller.toString(), method), headers, next);
        }
        if (refused != null) {
            ctx = ctx.withValue(PROBLEM, refused);
        }
        String subject = trustNamedCallers ? headers.get(SUBJECT) : null;
        String role = trustNamedCallers ? headers.get(ROLE) : null;
        if (subject != null && role != null) {
            try {
                ctx = ctx.withValue(CALLER, new Operator(subject, Operator.Role.valueOf(role.trim().toUpperCase(Locale.ROOT)
                        .replace('-', '_'))));
            } catch (IllegalArgumentException e) {
                ctx = ctx.withValue(PROBLEM, "unknown role '" + role + "'");
            }
        }
        return Contexts.interceptCall(ctx, audited(call, subject == null ? "anonymous" : subject + " (" + role + ")", method),
                headers, next);
    }

    /** Counts a refusal of the call for the audit journal, with who asked, from where and what for. */
    private <Q, R> ServerCall<Q, R> audited(ServerCall<Q, R> call, String who, String method) {
        if (refusals == null) {
            return call;
        }
        return new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (status.getCode() == Status.Code.PERMISSION_DENIED || status.getCode() == Status.Code.UNAUTHENTICATED) {
                    refusals.record(sourceOf(call), who, status.getCode().name(), method + ": " + status.getDescription());
                }
                super.close(status, trailers);
            }
        };
    }

    /** The caller's IP address, without the port: a client that rotates its ports is still one source. */
    static String sourceOf(ServerCall<?, ?> call) {
        return org.skyfleet.server.auth.SourceAddress.of(call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    }

    /** The caller of the current call (from the gRPC context), or null when it named no one or there is no call. */
    public static Operator current() {
        return CALLER.get();
    }

    /** The caller, or UNAUTHENTICATED saying how to identify. */
    public static Operator require() {
        Operator o = CALLER.get();
        if (o == null) {
            String problem = PROBLEM.get();
            throw Status.UNAUTHENTICATED.withDescription((problem != null ? problem + "; " : "")
                    + "send a bearer token (authorization: Bearer <token>, from skyfleet token create) or, where named callers "
                    + "are trusted, x-skyfleet-subject and x-skyfleet-role (pilot, commander, automation, admin...)")
                    .asRuntimeException();
        }
        return o;
    }

    /** For clients: metadata carrying a bearer token. */
    public static Metadata bearer(String token) {
        Metadata m = new Metadata();
        m.put(AUTHORIZATION, "Bearer " + token);
        return m;
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
