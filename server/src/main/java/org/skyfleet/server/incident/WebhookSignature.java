package org.skyfleet.server.incident;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, sent as
 * {@code X-Skyfleet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}: the HMAC, keyed with the shared
 * secret's UTF-8 bytes, of the ASCII timestamp, a dot and the body's bytes exactly as sent
 * ({@code t + "." + body}). The header may carry several {@code v1=} values (a sender signing with the old
 * and the new secret while they are rotated); one matching is enough. Other schemes ({@code v0=}, ...) are
 * ignored, so a later scheme can be added beside this one.
 *
 * <p>Verification compares in constant time and checks the timestamp against a tolerance either way; the
 * replay of a signature within that tolerance is the receiver's to refuse ({@link WebhookReplays}).
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Skyfleet-Signature";
    /** A delivery signed longer ago than this, or this far in the future, is refused. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** More v1 values than this is not a rotation; the header is refused without computing anything. */
    private static final int MAX_SIGNATURES = 8;
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** @return the lowercase hex HMAC-SHA256 of {@code timestampS + "." + body} keyed with {@code secret} */
    public static String sign(String secret, long timestampS, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampS + ".").getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** @return the header value a sender puts in {@value #HEADER}: {@code t=<timestampS>,v1=<signature>} */
    public static String header(String secret, long timestampS, byte[] body) {
        return "t=" + timestampS + ",v1=" + sign(secret, timestampS, body);
    }

    /** Why a delivery's signature is not accepted. */
    public enum Failure {
        /** no header at all */
        MISSING,
        /** no single numeric t=, no v1=, or too many v1= */
        MALFORMED,
        /** no v1= value is the HMAC of this body at this timestamp with this secret */
        MISMATCH,
        /** signed correctly, but longer ago (or further ahead) than the tolerance */
        STALE
    }

    /** The outcome: {@code signature} (the v1 value that matched) when {@code failure} is null. */
    public record Verification(Failure failure, long timestampS, String signature) {
        public boolean valid() {
            return failure == null;
        }

        static Verification failed(Failure f) {
            return new Verification(f, 0, null);
        }
    }

    /**
     * Checks a header against the body, the secret and the time now.
     *
     * @param header    the {@value #HEADER} value; null or blank when absent
     * @param tolerance how far the timestamp may be from {@code now}, either way (inclusive)
     */
    public static Verification verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Verification.failed(Failure.MISSING);
        }
        Long t = null;
        List<String> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return Verification.failed(Failure.MALFORMED);
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (t != null || value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Verification.failed(Failure.MALFORMED);
                }
                t = Long.parseLong(value);
            } else if (key.equals("v1")) {
                candidates.add(value.toLowerCase(Locale.ROOT));
            }
        }
        if (t == null || candidates.isEmpty() || candidates.size() > MAX_SIGNATURES) {
            return Verification.failed(Failure.MALFORMED);
        }
        byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        String matched = null;
        for (String c : candidates) { // every candidate is compared, whether or not an earlier one matched
            if (MessageDigest.isEqual(expected, c.getBytes(StandardCharsets.US_ASCII))) {
                matched = c;
            }
        }
        if (matched == null) {
            return Verification.failed(Failure.MISMATCH);
        }
        long skewS = Math.abs(now.getEpochSecond() - t);
        if (skewS > tolerance.toSeconds()) {
            return new Verification(Failure.STALE, t, matched);
        }
        return new Verification(null, t, matched);
    }
}
