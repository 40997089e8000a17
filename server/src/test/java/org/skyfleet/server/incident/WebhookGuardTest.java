package org.skyfleet.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.server.http.HttpReply;

/** The door's decisions on a manual clock; the wire-level cases are in the app's WebhookDeliveryTest. */
class WebhookGuardTest {
    private static final String SECRET = "call-taking-0123456789";
    private static final byte[] BODY = "{\"externalId\":\"CAD-7\"}".getBytes(StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock();
    private final AtomicInteger taken = new AtomicInteger();
    private int answer = 201;

    private WebhookGuard guard(boolean lab) {
        AuditJournal audit = new AuditJournal(clock);
        return new WebhookGuard(SECRET, lab, clock, new WebhookReplays(clock, 100),
                new WebhookRefusals(audit, clock, new SimpleMeterRegistry()), (h, b) -> {
                    taken.incrementAndGet();
                    return HttpReply.json(answer, "{}");
                });
    }

    private HttpHeaders signed(long t) {
        return new DefaultHttpHeaders().add(WebhookSignature.HEADER, WebhookSignature.header(SECRET, t, BODY));
    }

    @Test
    void aDeliveryTheRecordsCouldNotTakeMayBeRetriedWithTheSameSignature() {
        WebhookGuard guard = guard(false);
        long t = clock.instant().getEpochSecond();
        answer = 503;
        assertThat(guard.handle(signed(t), BODY).status()).isEqualTo(503);
        answer = 201;
        assertThat(guard.handle(signed(t), BODY).status()).isEqualTo(201);
        assertThat(guard.handle(signed(t), BODY).status()).isEqualTo(409);
        assertThat(taken).hasValue(2);
    }

    @Test
    void aReplayIsRefusedUntilItsSignatureExpiresAndThenAsStale() {
        WebhookGuard guard = guard(false);
        long t = clock.instant().getEpochSecond();
        assertThat(guard.handle(signed(t), BODY).status()).isEqualTo(201);
        clock.advance(WebhookSignature.TOLERANCE);
        assertThat(guard.handle(signed(t), BODY).status()).isEqualTo(409);
        clock.advance(java.time.Duration.ofSeconds(1));
        HttpReply stale = guard.handle(signed(t), BODY);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(new String(stale.body(), StandardCharsets.UTF_8)).contains("outside the 5-minute tolerance");
        assertThat(taken).hasValue(1);
    }

    @Test
    void aBearerSecretIsTakenInLabModeOnly() {
        HttpHeaders bearer = new DefaultHttpHeaders().add("Authorization", "Bearer " + SECRET);
        HttpReply refused = guard(false).handle(bearer, BODY);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("sign the delivery").contains("--lab");
        assertThat(guard(true).handle(bearer, BODY).status()).isEqualTo(201);
        assertThat(guard(true).handle(new DefaultHttpHeaders().add("Authorization", "Bearer wrong-secret-0123456789"), BODY)
                .status()).isEqualTo(401);
        assertThat(taken).hasValue(1);
    }
}
