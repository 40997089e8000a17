package org.skyfleet.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.server.http.HttpReply;
import org.skyfleet.server.incident.WebhookRefusals.Reason;

class WebhookRefusalsTest {
    private final ManualClock clock = new ManualClock();
    private final AuditJournal audit = new AuditJournal(clock);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebhookRefusals refusals = new WebhookRefusals(audit, clock, meters);

    private double counted(Reason r) {
        return meters.get("skyfleet.webhook.refused").tag("reason", r.tag()).counter().count();
    }

    @Test
    void everyRefusalIsCountedButEachReasonJournaledAtMostOnceAMinute() {
        for (int i = 0; i < 1000; i++) {
            refusals.refuse(Reason.BAD_SIGNATURE, "bad");
        }
        refusals.refuse(Reason.REPLAY, "again");
        assertThat(counted(Reason.BAD_SIGNATURE)).isEqualTo(1000);
        assertThat(counted(Reason.REPLAY)).isEqualTo(1);
        assertThat(audit.entries()).hasSize(2);

        clock.advance(Duration.ofSeconds(59));
        refusals.refuse(Reason.BAD_SIGNATURE, "bad");
        assertThat(audit.entries()).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        refusals.refuse(Reason.BAD_SIGNATURE, "bad");
        assertThat(audit.entries()).hasSize(3);
        assertThat(audit.entries().get(2).detail()).contains("bad_signature").contains("1000 more");
    }

    @Test
    void theReplyCarriesTheStatusAndTheReason() {
        HttpReply stale = refusals.refuse(Reason.STALE_TIMESTAMP, "signature timestamp outside the 5-minute tolerance");
        assertThat(stale.status()).isEqualTo(401);
        assertThat(new String(stale.body())).contains("signature timestamp outside the 5-minute tolerance");
        assertThat(refusals.refuse(Reason.REPLAY, "again").status()).isEqualTo(409);
        assertThat(refusals.refuse(Reason.REPLAY_CACHE_FULL, "full").status()).isEqualTo(503);
        assertThat(audit.entries().get(0).result()).isEqualTo("UNAUTHENTICATED");
    }
}
