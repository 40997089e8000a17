package org.skyfleet.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.skyfleet.fleet.control.Operator;

/**
 * Issues and checks bearer tokens: {@code sf1.<payload>.<signature>}, the payload
 * {@code subject|role|expiry|issued|id} (epoch seconds; the id 16 random hex digits) in base64url, the
 * signature HMAC-SHA256 of it under the server's key. A token is refused once it expires, when its lifetime
 * is longer than the maximum ({@link #withMaxTtl}, 12 h unless configured), and when its id was revoked
 * ({@link #withRevocations}).
 *
 * <p>Tokens issued before ids existed ({@code subject|role|expiry}) still verify: their id is derived from the
 * token itself ({@link #idOf}), so they can be revoked too, and as their issue time is unknown they are
 * refused while more than the maximum lifetime remains.
 */
public final class TokenAuthority {
    public static final int MIN_KEY_BYTES = 32;
    /** The maximum lifetime unless configured: one shift. */
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(12);
    private static final String PREFIX = "sf1.";
    private static final SecureRandom IDS = new SecureRandom();

    /** Whether a token id was revoked, and why. */
    @FunctionalInterface
    public interface Revocations {
        /** Why {@code tokenId} was revoked (who, when, the reason), or empty when it was not. */
        Optional<String> revoked(String tokenId);

        Revocations NONE = id -> Optional.empty();
    }

    private final byte[] key;
    private final InstantSource clock;
    private final Duration maxTtl;
    private final Revocations revocations;

    public TokenAuthority(byte[] key, InstantSource clock) {
        this(key, clock, DEFAULT_MAX_TTL, Revocations.NONE);
    }

    private TokenAuthority(byte[] key, InstantSource clock, Duration maxTtl, Revocations revocations) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("the maximum token lifetime must be positive, got " + maxTtl);
        }
        this.key = key.clone();
        this.clock = clock;
        this.maxTtl = maxTtl;
        this.revocations = revocations;
    }

    /** A key given as 64 or more hex digits (e.g. from SKYFLEET_TOKEN_KEY). */
    public static TokenAuthority fromHex(String hex, InstantSource clock) {
        try {
            return new TokenAuthority(HexFormat.of().parseHex(hex.strip()), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token key must be at least 64 hex digits: " + e.getMessage(), e);
        }
    }

    /** The same key, issuing and accepting tokens of at most {@code ttl}. */
    public TokenAuthority withMaxTtl(Duration ttl) {
        return new TokenAuthority(key, clock, ttl, revocations);
    }

    /** The same key, refusing the tokens {@code r} says were revoked. */
    public TokenAuthority withRevocations(Revocations r) {
        return new TokenAuthority(key, clock, maxTtl, r);
    }

    public Duration maxTtl() {
        return maxTtl;
    }

    /** @throws IllegalArgumentException for a subject with '|' or over 200 characters, or a ttl beyond the maximum */
    public String issue(String subject, Operator.Role role, Duration ttl) {
        if (subject == null || subject.isBlank() || subject.contains("|") || subject.length() > 200) {
            throw new IllegalArgumentException("subject: 1..200 characters, no '|'");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("ttl must be more than 0 and at most the maximum token lifetime, "
                    + maxTtl.toMinutes() + " min (--token-max-ttl), got " + ttl.toMinutes() + " min");
        }
        Instant issued = clock.instant();
        long expires = issued.plus(ttl).getEpochSecond();
        String id = HexFormat.of().formatHex(randomId());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString((subject + "|" + role.name().toLowerCase(Locale.ROOT)
                + "|" + expires + "|" + issued.getEpochSecond() + "|" + id).getBytes(StandardCharsets.UTF_8));
        return PREFIX + payload + "." + sign(payload);
    }

    private static byte[] randomId() {
        byte[] b = new byte[8];
        IDS.nextBytes(b);
        return b;
    }

    /**
     * The id of a token, as revocations name it, without checking it: the id it carries, or for a token from before
     * ids one derived from the whole token (SHA-256, 16 hex digits). Empty when it is not a token.
     */
    public static Optional<String> idOf(String token) {
        String[] fields = fields(token);
        if (fields == null) {
            return Optional.empty();
        }
        return Optional.of(fields.length == 5 ? fields[4] : legacyId(token));
    }

    /** The caller a token names, or why it is refused. */
    public sealed interface Verdict permits Valid, Refused {
    }

    /** @param tokenId the token's id, as {@link #idOf} gives it */
    public record Valid(Operator operator, Instant expiresAt, String tokenId) implements Verdict {
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
        String[] fields = fields(token);
        if (fields == null) {
            return new Refused("malformed token");
        }
        try {
            Operator.Role role = Operator.Role.valueOf(fields[1].toUpperCase(Locale.ROOT).replace('-', '_'));
            Instant now = clock.instant();
            Instant expires = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            if (!now.isBefore(expires)) {
                return new Refused("token expired at " + expires);
            }
            // a token from before ids carries no issue time: judged by what remains of it
            Instant issued = fields.length == 5 ? Instant.ofEpochSecond(Long.parseLong(fields[3])) : now;
            Duration lifetime = Duration.between(issued, expires);
            if (lifetime.compareTo(maxTtl) > 0) {
                return new Refused("token lifetime " + lifetime.toMinutes() + " min exceeds the maximum of " + maxTtl.toMinutes()
                        + " min (--token-max-ttl); issue a shorter one");
            }
            String id = fields.length == 5 ? fields[4] : legacyId(token);
            Optional<String> revoked = revocations.revoked(id);
            if (revoked.isPresent()) {
                return new Refused("token " + id + " was revoked: " + revoked.get());
            }
            return new Valid(new Operator(fields[0], role), expires, id);
        } catch (IllegalArgumentException e) {
            return new Refused("malformed token");
        }
    }

    /** The payload's fields, 3 (before ids) or 5; null when it is not a token. */
    private static String[] fields(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            String[] f = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).split("\\|", -1);
            return f.length == 3 || f.length == 5 ? f : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String legacyId(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
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
