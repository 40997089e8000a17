package org.skyfleet.server.incident;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.server.http.HttpReply;
import org.skyfleet.server.incident.WebhookRefusals.Reason;
import org.skyfleet.server.incident.WebhookSignature.Verification;

/**
 * The webhook's door: a delivery reaches the records only if it is signed with the shared secret
 * ({@link WebhookSignature}), within the tolerance, and not seen before ({@link WebhookReplays}). In lab
 * mode {@code Authorization: Bearer <secret>} is also let in (no replay protection beyond the external id);
 * otherwise a bearer-only call is told to sign. One guard per node, in front of whichever records make
 * the incident, so a delivery is checked once, where it arrives.
 *
 * <p>A delivery the records could not take (5xx: the records were away or moving) has its signature
 * forgotten, so the sender may retry the same bytes; otherwise a retry must be signed afresh.
 */
public final class WebhookGuard implements HttpHandler {
    private final String secret;
    private final byte[] secretBytes;
    private final boolean lab;
    private final InstantSource clock;
    private final WebhookReplays replays;
    private final WebhookRefusals refusals;
    private final HttpHandler next;

    /**
     * @param sharedSecret at least 16 characters
     * @param lab          also accept {@code Authorization: Bearer <sharedSecret>}: a lab bench, never operations
     * @param next         takes the deliveries let in
     */
    public WebhookGuard(String sharedSecret, boolean lab, InstantSource clock, WebhookReplays replays,
                        WebhookRefusals refusals, HttpHandler next) {
        if (sharedSecret == null || sharedSecret.length() < 16) {
            throw new IllegalArgumentException("the webhook secret must be at least 16 characters");
        }
        this.secret = sharedSecret;
        this.secretBytes = sharedSecret.getBytes(StandardCharsets.UTF_8);
        this.lab = lab;
        this.clock = clock;
        this.replays = replays;
        this.refusals = refusals;
        this.next = next;
    }

    @Override
    public HttpReply handle(HttpHeaders headers, byte[] body) {
        String signature = headers.get(WebhookSignature.HEADER);
        String auth = headers.get(HttpHeaderNames.AUTHORIZATION, "");
        if ((signature == null || signature.isBlank()) && auth.startsWith("Bearer ")) {
            return bearer(auth.substring(7).strip(), headers, body);
        }
        Instant now = clock.instant();
        Verification v = WebhookSignature.verify(secret, signature, body, now, WebhookSignature.TOLERANCE);
        if (!v.valid()) {
            return switch (v.failure()) {
                case MISSING -> refusals.refuse(Reason.MISSING_SIGNATURE, "sign the delivery: " + WebhookSignature.HEADER
                        + ": t=<unix seconds>,v1=<hex HMAC-SHA256 of t + \".\" + body with the webhook secret>");
                case MALFORMED -> refusals.refuse(Reason.MALFORMED_SIGNATURE, WebhookSignature.HEADER
                        + " must be t=<unix seconds>,v1=<hex HMAC-SHA256> (one t, one to 8 v1)");
                case MISMATCH -> refusals.refuse(Reason.BAD_SIGNATURE, "the signature does not match this body and "
                        + "timestamp with the webhook secret");
                case STALE -> refusals.refuse(Reason.STALE_TIMESTAMP, "signature timestamp outside the 5-minute tolerance "
                        + "(t=" + v.timestampS() + ", server time " + now.getEpochSecond() + "); sign each delivery when sending it");
            };
        }
        Instant expires = Instant.ofEpochSecond(v.timestampS()).plus(WebhookSignature.TOLERANCE);
        return switch (replays.admit(v.signature(), expires)) {
            case REPLAY -> refusals.refuse(Reason.REPLAY, "this signed delivery was received before (replay); "
                    + "to send the call again, sign it again with the current time");
            case FULL -> refusals.refuse(Reason.REPLAY_CACHE_FULL, "too many signed deliveries still within their "
                    + "5-minute tolerance to check this one for replay; retry shortly");
            case ADMITTED -> {
                HttpReply reply = next.handle(headers, body);
                if (reply.status() >= 500) {
                    replays.forget(v.signature());
                }
                yield reply;
            }
        };
    }

    private HttpReply bearer(String presented, HttpHeaders headers, byte[] body) {
        if (!lab) {
            return refusals.refuse(Reason.BEARER_OUTSIDE_LAB, "a bearer secret is accepted only in lab mode (serve --lab); "
                    + "sign the delivery instead: " + WebhookSignature.HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256 of "
                    + "t + \".\" + body with the webhook secret>");
        }
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secretBytes)) {
            return refusals.refuse(Reason.WRONG_SECRET, "wrong webhook secret");
        }
        return next.handle(headers, body);
    }
}
