package org.skyfleet.app.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the HTTP endpoint waits on a client before it gives up on the connection.
 *
 * @param requestHead   from a connection opening, or from the last response on a kept-alive one, until the next
 *                      request's head (request line and headers) is complete; then 408 and closed if part of a
 *                      head came, closed quietly if nothing did (an idle kept-alive connection)
 * @param idle          nothing read or written for this long closes a connection; an upgraded WebSocket is pinged
 *                      instead, and its answer counts as reading
 * @param consoleSignIn a console WebSocket that has not sent its sign-in message this long after the upgrade is
 *                      closed with 1008 (policy violation)
 */
public record HttpLimits(Duration requestHead, Duration idle, Duration consoleSignIn) {
    public HttpLimits {
        positive(requestHead, "requestHead");
        positive(idle, "idle");
        positive(consoleSignIn, "consoleSignIn");
    }

    /** 10 s for a request head, 60 s idle, 10 s to sign in on the console's live feed. */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
