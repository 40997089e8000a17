package org.skyfleet.app.console;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.server.grpc.RpcRoles;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.TokenAuthority;

/**
 * Who is calling the console, from the same bearer tokens as the gRPC API. The console always needs a
 * token, even where gRPC trusts named callers: a browser page is reachable by anything on the host, and
 * the demo prints a ready token. Refusals are tallied by source, caller and reason like the gRPC ones,
 * and journaled by the minute.
 */
public final class ConsoleAuth {
    /** The caller, or why not, with the HTTP status that says so (401 who are you, 403 not you). */
    public sealed interface Outcome permits Allowed, Refused {
    }

    public record Allowed(Operator operator) implements Outcome {
    }

    public record Refused(int status, String reason) implements Outcome {
    }

    private final TokenAuthority tokens;
    private final RefusalTally refusals;

    /**
     * @param tokens   checks bearer tokens; null when the server has no token key: every call is 401
     * @param refusals where refusals are counted for the journal; null: not audited
     */
    public ConsoleAuth(TokenAuthority tokens, RefusalTally refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    /**
     * From an {@code Authorization} header value (may be null).
     *
     * @param source the caller's IP address, for the refusal tally
     */
    public Outcome fromHeader(String authorization, String source, String what) {
        if (authorization == null || authorization.isBlank()) {
            return refuse(401, source, "anonymous", what, "an Authorization: Bearer <token> header is required");
        }
        if (!authorization.startsWith("Bearer ")) {
            return refuse(401, source, "anonymous", what, "only Bearer tokens are accepted");
        }
        return fromToken(authorization.substring(7).strip(), source, what);
    }

    /** From a bare token (the live feed's first message). */
    public Outcome fromToken(String token, String source, String what) {
        if (tokens == null) {
            return refuse(401, source, "anonymous", what, "this server has no token key (set SKYFLEET_TOKEN_KEY)");
        }
        TokenAuthority.Verdict verdict = tokens.verify(token);
        if (verdict instanceof TokenAuthority.Valid v) {
            return new Allowed(v.operator());
        }
        return refuse(401, source, "anonymous", what, ((TokenAuthority.Refused) verdict).reason());
    }

    /**
     * The same caller if it may watch the whole fleet (the command centre's roles, as for the gRPC
     * streams), else 403, audited: an officer's or an edge computer's token does not open the console.
     */
    public Outcome requireWatcher(Outcome outcome, String source, String what) {
        return requireRole(outcome, source, what, RpcRoles.WATCHERS.toArray(Role[]::new));
    }

    /** The same caller if its role is one of {@code allowed} (admin always is), else 403, audited. */
    public Outcome requireRole(Outcome outcome, String source, String what, Role... allowed) {
        if (!(outcome instanceof Allowed a)) {
            return outcome;
        }
        Set<Role> roles = EnumSet.of(Role.ADMIN, allowed);
        if (roles.contains(a.operator().role())) {
            return outcome;
        }
        return refuse(403, source, a.operator().toString(), what, a.operator() + " may not " + what + "; allowed: "
                + roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
    }

    private Refused refuse(int status, String source, String who, String what, String reason) {
        if (refusals != null) {
            refusals.record(source, who, status == 401 ? "UNAUTHENTICATED" : "PERMISSION_DENIED", "console: " + what + ": " + reason);
        }
        return new Refused(status, reason);
    }

    /** The IP address of a channel's peer, without the port: a browser's every socket is one source. */
    public static String sourceOf(java.net.SocketAddress remote) {
        return org.skyfleet.server.auth.SourceAddress.of(remote);
    }
}
