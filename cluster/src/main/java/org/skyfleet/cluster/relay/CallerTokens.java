package org.skyfleet.cluster.relay;

import java.time.Duration;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * The bearer token a relayed call carries to the owning node: issued here for a minute for the caller of the
 * current gRPC call (read from its context), or, for what the node does on its own (geofence enforcement,
 * automation), for the node's automation identity. Every node holds the same token key, so the owner checks it
 * as it checks a caller's own token. Without a token key there is nothing to carry: relays then trust the bus
 * (a lab, tests with named callers).
 */
public final class CallerTokens {
    /** Long enough for a relay's broker round trip, short enough to be useless if copied off the bus. */
    static final Duration LIFETIME = Duration.ofMinutes(1);

    private final TokenAuthority tokens;
    private final Operator automation;

    /**
     * @param tokens     issues the tokens; null: relays carry none
     * @param automation who the node's own commands are from, e.g. {@code node-a (automation)}
     */
    public CallerTokens(TokenAuthority tokens, Operator automation) {
        this.tokens = tokens;
        this.automation = automation;
    }

    /** Relays carry no caller (no token key). */
    public static CallerTokens none() {
        return new CallerTokens(null, null);
    }

    /** The token for the current caller, or null when relays carry none. Call on the caller's thread. */
    public String current() {
        if (tokens == null) {
            return null;
        }
        Operator caller = CallerInterceptor.current();
        Operator who = caller != null ? caller : automation;
        return tokens.issue(who.subject(), who.role(), LIFETIME);
    }
}
