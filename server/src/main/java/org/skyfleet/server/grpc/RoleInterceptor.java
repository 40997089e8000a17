package org.skyfleet.server.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.skyfleet.fleet.control.Operator;

/**
 * Refuses a call whose caller's role may not call the method ({@link RpcRoles}), before the handler
 * reads a byte of the request: PERMISSION_DENIED naming the caller, the method and who may. Runs inside
 * {@link CallerInterceptor}, which audits the refusal. A caller that named no one can only exist where
 * named callers are trusted (tests, a lab): it may watch the fleet, and anything else needs an identity.
 */
public final class RoleInterceptor implements ServerInterceptor {
    private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Operator caller = CallerInterceptor.current();
        var allowed = RpcRoles.of(method);
        String refusal = null;
        if (allowed.isEmpty()) {
            refusal = method + " has no roles assigned; nobody may call it";
        } else if (caller == null && !RpcRoles.isWatching(method)) {
            call.close(Status.UNAUTHENTICATED.withDescription(method + " needs to know who calls: send a bearer token "
                    + "(or, where named callers are trusted, x-skyfleet-subject and x-skyfleet-role)"), new Metadata());
            return new ServerCall.Listener<>() { };
        } else if (caller != null && !allowed.get().contains(caller.role())) {
            refusal = caller + " may not " + action(call.getMethodDescriptor().getBareMethodName()) + " (" + method
                    + "); allowed: " + allowed.get().stream().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted().collect(Collectors.joining(", "));
        }
        if (refusal != null) {
            call.close(Status.PERMISSION_DENIED.withDescription(refusal), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
    }

    /** "ApproveSearch" as words: "approve search". */
    static String action(String bareMethodName) {
        return bareMethodName == null ? "call this" : bareMethodName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
