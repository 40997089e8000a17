package org.skyfleet.app.console;

import java.util.Locale;

/** Writes one flat JSON object, field by field: the console's messages are small and fixed in shape. */
final class JsonObject {
    private final StringBuilder b = new StringBuilder(160).append('{');
    private boolean first = true;

    JsonObject str(String name, String value) {
        key(name);
        if (value == null) {
            b.append("null");
        } else {
            quote(b, value);
        }
        return this;
    }

    JsonObject num(String name, double value) {
        key(name);
        if (Double.isFinite(value)) {
            // 7 decimals is 1 cm in latitude; more is noise on the wire
            b.append(String.format(Locale.ROOT, "%.7f", value).replaceAll("0+$", "").replaceAll("\\.$", ""));
        } else {
            b.append("null");
        }
        return this;
    }

    JsonObject num(String name, long value) {
        key(name);
        b.append(value);
        return this;
    }

    JsonObject bool(String name, boolean value) {
        key(name);
        b.append(value);
        return this;
    }

    /** A value that is already JSON (an array or object). */
    JsonObject raw(String name, String json) {
        key(name);
        b.append(json);
        return this;
    }

    String end() {
        return b.append('}').toString();
    }

    private void key(String name) {
        if (!first) {
            b.append(',');
        }
        first = false;
        quote(b, name);
        b.append(':');
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c"); // never closes a script tag, whatever a vehicle calls itself
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
