package org.skyfleet.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyfleet.server.incident.WebhookSignature.Failure;
import org.skyfleet.server.incident.WebhookSignature.Verification;

class WebhookSignatureTest {
    private static final String SECRET = "whsec-test-0123456789";
    private static final long T = 1_700_000_000L;
    private static final byte[] BODY = "{\"externalId\":\"CAD-1\",\"type\":\"INCIDENT_TYPE_OTHER\"}".getBytes(StandardCharsets.UTF_8);
    /**
     * Computed outside Java: {@code printf '%s.%s' 1700000000 '{"externalId":"CAD-1","type":"INCIDENT_TYPE_OTHER"}'
     * | openssl dgst -sha256 -hmac whsec-test-0123456789 -hex}.
     */
    private static final String OPENSSL = "30e4bffbce14da75145cf6ae7714c3f8a6f290744354cebcf20da4bce0181f2e";
    private static final Instant AT_T = Instant.ofEpochSecond(T);

    private static Verification verify(String header, Instant now) {
        return WebhookSignature.verify(SECRET, header, BODY, now, WebhookSignature.TOLERANCE);
    }

    @Test
    void signsAsOpensslDoes() {
        assertThat(WebhookSignature.sign(SECRET, T, BODY)).isEqualTo(OPENSSL);
        assertThat(WebhookSignature.header(SECRET, T, BODY)).isEqualTo("t=1700000000,v1=" + OPENSSL);
    }

    @Test
    void aSignedDeliveryIsValidAndNamesTheSignatureThatMatched() {
        Verification v = verify("t=1700000000,v1=" + OPENSSL, AT_T);
        assertThat(v.valid()).isTrue();
        assertThat(v.timestampS()).isEqualTo(T);
        assertThat(v.signature()).isEqualTo(OPENSSL);
    }

    @Test
    void duringARotationOneOfSeveralSignaturesIsEnough() {
        String old = WebhookSignature.sign("the-old-secret-0123456789", T, BODY);
        Verification v = verify(" t=1700000000 , v1=" + old + ", v1=" + OPENSSL.toUpperCase() + ",v0=ignored", AT_T);
        assertThat(v.valid()).isTrue();
        assertThat(v.signature()).isEqualTo(OPENSSL);
    }

    @Test
    void theTimestampMayBeFiveMinutesOffEitherWayAndNotASecondMore() {
        String header = "t=1700000000,v1=" + OPENSSL;
        assertThat(verify(header, AT_T.plusSeconds(300)).valid()).isTrue();
        assertThat(verify(header, AT_T.minusSeconds(300)).valid()).isTrue();
        assertThat(verify(header, AT_T.plusSeconds(301)).failure()).isEqualTo(Failure.STALE);
        assertThat(verify(header, AT_T.minusSeconds(301)).failure()).isEqualTo(Failure.STALE);
    }

    @Test
    void anotherBodyTimestampOrSecretDoesNotMatch() {
        assertThat(verify("t=1700000001,v1=" + OPENSSL, AT_T).failure()).isEqualTo(Failure.MISMATCH);
        assertThat(WebhookSignature.verify(SECRET, "t=1700000000,v1=" + OPENSSL, "{}".getBytes(StandardCharsets.UTF_8), AT_T,
                Duration.ofMinutes(5)).failure()).isEqualTo(Failure.MISMATCH);
        assertThat(WebhookSignature.verify("another-secret-0123456789", "t=1700000000,v1=" + OPENSSL, BODY, AT_T,
                Duration.ofMinutes(5)).failure()).isEqualTo(Failure.MISMATCH);
        assertThat(verify("t=1700000000,v1=" + OPENSSL.substring(1), AT_T).failure()).isEqualTo(Failure.MISMATCH);
    }

    @Test
    void aHeaderThatIsNotTheFormatIsMalformedOrMissing() {
        assertThat(verify(null, AT_T).failure()).isEqualTo(Failure.MISSING);
        assertThat(verify(" ", AT_T).failure()).isEqualTo(Failure.MISSING);
        assertThat(verify("v1=" + OPENSSL, AT_T).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(verify("t=1700000000", AT_T).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(verify("t=-1700000000,v1=" + OPENSSL, AT_T).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(verify("t=1700000000,t=1700000000,v1=" + OPENSSL, AT_T).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(verify("t=1700000000,v1=" + OPENSSL + ",junk", AT_T).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(verify("t=1700000000" + ",v1=00".repeat(9), AT_T).failure()).isEqualTo(Failure.MALFORMED);
    }
}
