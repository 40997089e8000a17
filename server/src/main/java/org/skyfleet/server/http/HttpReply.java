package org.skyfleet.server.http;

import java.nio.charset.StandardCharsets;

/** A reply: status code, content type and body. */
public record HttpReply(int status, String contentType, byte[] body) {
    public static HttpReply json(int status, String json) {
        return new HttpReply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON error body: {"error": "...", "message": "..."}. */
    public static HttpReply error(int status, String error, String message) {
        return json(status, "{\"error\":" + quote(error) + ",\"message\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
