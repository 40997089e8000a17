package org.skyfleet.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.server.incident.WebhookReplays.Admission;

class WebhookReplaysTest {
    private final ManualClock clock = new ManualClock();
    private final Instant inFiveMinutes = clock.instant().plus(Duration.ofMinutes(5));

    @Test
    void aSignatureSeenBeforeItExpiresIsAReplayAndForgottenAfter() {
        WebhookReplays replays = new WebhookReplays(clock, 10);
        assertThat(replays.admit("a", inFiveMinutes)).isEqualTo(Admission.ADMITTED);
        assertThat(replays.admit("a", inFiveMinutes)).isEqualTo(Admission.REPLAY);
        clock.set(inFiveMinutes);
        assertThat(replays.admit("a", inFiveMinutes)).as("still valid at its last second").isEqualTo(Admission.REPLAY);
        clock.advance(Duration.ofSeconds(1));
        assertThat(replays.admit("b", inFiveMinutes.plusSeconds(300))).isEqualTo(Admission.ADMITTED);
        assertThat(replays.size()).as("a expired and was dropped").isEqualTo(1);
    }

    @Test
    void whenFullANewSignatureIsRefusedUntilOneExpires() {
        WebhookReplays replays = new WebhookReplays(clock, 2);
        replays.admit("a", inFiveMinutes);
        replays.admit("b", inFiveMinutes.plusSeconds(60));
        assertThat(replays.admit("c", inFiveMinutes)).isEqualTo(Admission.FULL);
        assertThat(replays.admit("a", inFiveMinutes)).as("a full cache still knows its replays").isEqualTo(Admission.REPLAY);
        clock.set(inFiveMinutes.plusSeconds(1));
        assertThat(replays.admit("c", inFiveMinutes.plusSeconds(301))).isEqualTo(Admission.ADMITTED);
        assertThat(replays.admit("b", inFiveMinutes)).as("b is still valid").isEqualTo(Admission.REPLAY);
    }

    @Test
    void aForgottenSignatureMayComeAgain() {
        WebhookReplays replays = new WebhookReplays(clock, 10);
        replays.admit("a", inFiveMinutes);
        replays.forget("a");
        assertThat(replays.size()).isZero();
        assertThat(replays.admit("a", inFiveMinutes)).isEqualTo(Admission.ADMITTED);
    }
}
