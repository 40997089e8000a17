package org.skyfleet.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Token lifetimes as people write them on a command line: {@code 12h}, {@code 90m}, {@code 30s}, or ISO-8601 {@code PT12H}. */
final class TokenLifetimes {
    private TokenLifetimes() {
    }

    /** @throws IllegalArgumentException naming {@code option} for anything else, or a lifetime that is not positive */
    static Duration parse(String text, String option) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.length() > 1 && (t.endsWith("h") || t.endsWith("m") || t.endsWith("s"))) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                d = t.endsWith("h") ? Duration.ofHours(n) : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
            } else {
                throw new IllegalArgumentException();
            }
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " must be a duration such as 12h, 90m or PT12H, got '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, got '" + text + "'");
        }
        return d;
    }
}
