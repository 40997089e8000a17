package org.skyfleet.cluster.relay;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.grpc.RpcRoles;

/**
 * The owner's check of a relayed call before it runs: the request's {@value #AUTHORIZATION_HEADER} header
 * must hold a valid bearer token (UNAUTHENTICATED otherwise), and the token's role must be one {@link RpcRoles}
 * allows for the RPC the relay stands for (PERMISSION_DENIED otherwise), as if the caller had called this node.
 * Each refusal is counted for the audit journal. Without a token key every relayed call is let through, as
 * the nodes then trust callers' names and the bus alike.
 */
public final class RelayGate {
    public static final String AUTHORIZATION_HEADER = "Authorization";

    private final TokenAuthority tokens;
    private final RefusalTally refusals;

    /**
     * @param tokens   checks the carried tokens; null: no check (no token key)
     * @param refusals where refusals are counted for the audit journal; null: not audited
     */
    public RelayGate(TokenAuthority tokens, RefusalTally refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    /** Lets every relayed call through: no token key. */
    public static RelayGate open() {
        return new RelayGate(null, null);
    }

    /** Why a relayed call is refused: a gRPC status code name and a reason a person can act on. */
    public record Refusal(String code, String reason) {
        @Override
        public String toString() {
            return code + ": " + reason;
        }
    }

    /** The refusal of {@code m}, relayed for {@code method}, or empty when it may run. */
    Optional<Refusal> check(Message m, String method) {
        if (tokens == null) {
            return Optional.empty();
        }
        Headers h = m.getHeaders();
        String authorization = h == null ? null : h.getFirst(AUTHORIZATION_HEADER);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return refused(m, "anonymous", "UNAUTHENTICATED", method + ": a relayed call must carry the caller's bearer token");
        }
        TokenAuthority.Verdict verdict = tokens.verify(authorization.substring(7).strip());
        if (verdict instanceof TokenAuthority.Refused r) {
            return refused(m, "anonymous", "UNAUTHENTICATED", method + ": " + r.reason());
        }
        Operator caller = ((TokenAuthority.Valid) verdict).operator();
        var allowed = RpcRoles.of(method);
        if (allowed.isEmpty() || !allowed.get().contains(caller.role())) {
            return refused(m, caller.toString(), "PERMISSION_DENIED", caller + " may not call " + method + " (relayed); allowed: "
                    + allowed.map(a -> a.stream().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted()
                    .collect(Collectors.joining(", "))).orElse("nobody"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> refused(Message m, String actor, String code, String reason) {
        if (refusals != null) {
            refusals.record("nats:" + m.getSubject(), actor, code, reason);
        }
        return Optional.of(new Refusal(code, reason));
    }

    /** The header of a request carrying {@code token}, or null for none. */
    static Headers carrying(String token) {
        return token == null ? null : new Headers().put(AUTHORIZATION_HEADER, "Bearer " + token);
    }
}
