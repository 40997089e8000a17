package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.TokenRevocation;

class RevokedTokensTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration MAX_LIFETIME = Duration.ofHours(12);

    @Test
    void aRevocationIsKeptWhileItsTokenMayLiveAndForgottenAfter() {
        InMemoryStore store = new InMemoryStore();
        RevokedTokens revoked = new RevokedTokens(store.revocations());
        revoked.revoke(new TokenRevocation("tok-1", "phone lost", "alice (admin)", T0));
        revoked.revoke(new TokenRevocation("tok-2", "left the unit", "alice (admin)", T0.plus(Duration.ofHours(6))));

        assertThat(revoked.forgetExpired(T0.plus(Duration.ofHours(11)), MAX_LIFETIME)).isZero();
        assertThat(revoked.revoked("tok-1")).isPresent();

        // a token revoked at T0 was issued before T0 and lived at most 12 h: it has expired by T0 + 12 h 1 s
        assertThat(revoked.forgetExpired(T0.plus(MAX_LIFETIME).plusSeconds(1), MAX_LIFETIME)).isEqualTo(1);
        assertThat(revoked.revoked("tok-1")).isEmpty();
        assertThat(revoked.revoked("tok-2")).isPresent();
        assertThat(store.revocations().loadAll()).extracting(TokenRevocation::tokenId).containsExactly("tok-2");
    }
}
