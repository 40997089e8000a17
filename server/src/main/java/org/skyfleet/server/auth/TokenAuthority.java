package org.skyfleet.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.skyfleet.fleet.control.Operator;

/**
 * Issues and checks bearer tokens: {@code sf1.<payload>.<signature>}, the payload
 * {@code subject|role|expiry-epoch-seconds} in base64url, the signature HMAC-SHA256 of it under the
 * server's key. Nothing is stored: a token is valid until it expires, so keep lifetimes short (hours).
 */
public final class TokenAuthority {
    public static final int MIN_KEY_BYTES = 32;
    private static final String PREFIX = "sf1.";
    private static final Duration MAX_TTL = Duration.ofDays(30);

    private final byte[] key;
    private final InstantSource clock;

    public TokenAuthority(byte[] key, InstantSource clock) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    /** A key given as 64 or more hex digits (e.g. from SKYFLEET_TOKEN_KEY). */
    public static TokenAuthority fromHex(String hex, InstantSource clock) {
        try {
            return new TokenAuthority(HexFormat.of().parseHex(hex.strip()), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token key must be at least 64 hex digits: " + e.getMessage(), e);
        }
    }

    public String issue(String subject, Operator.Role role, Duration ttl) {
        if (subject == null || subject.isBlank() || subject.contains("|") || subject.length() > 200) {
            throw new IllegalArgumentException("subject: 1..200 characters, no '|'");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be more than 0 and at most " + MAX_TTL.toDays() + " days");
        }
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (subject + "|" + role.name().toLowerCase(Locale.ROOT) + "|" + expires).getBytes(StandardCharsets.UTF_8));
        return PREFIX + payload + "." + sign(payload);
    }

    /** The caller a token names, or why it is refused. */
    public sealed interface Verdict permits Valid, Refused {
    }

    public record Valid(Operator operator, Instant expiresAt) implements Verdict {
    }

    public record Refused(String reason) implements Verdict {
    }

    public Verdict verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return new Refused("not a SkyFleet token");
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return new Refused("malformed token");
        }
        byte[] expected = sign(parts[0]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
            return new Refused("bad token signature");
        }
        String[] fields;
        try {
            fields = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return new Refused("malformed token");
        }
        if (fields.length != 3) {
            return new Refused("malformed token");
        }
        try {
            Operator.Role role = Operator.Role.valueOf(fields[1].toUpperCase(Locale.ROOT).replace('-', '_'));
            Instant expires = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            if (!clock.instant().isBefore(expires)) {
                return new Refused("token expired at " + expires);
            }
            return new Valid(new Operator(fields[0], role), expires);
        } catch (IllegalArgumentException e) {
            return new Refused("malformed token");
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
