package org.skyfleet.app.console;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security headers on every console answer. The Content-Security-Policy lets the page load scripts,
 * styles, fonts and images from this server only, talk to this server only (fetch and the live WebSocket:
 * CSP 3 'self' covers ws: and wss: to the same host), never be framed, and submit no form elsewhere. The
 * console uses no inline script or style attribute (Leaflet and the console set styles through the DOM,
 * which CSP allows), so neither is allowed. Images also come from {@code data:} (the empty favicon) and, if
 * one is configured, from the map tile server's origin. Frames are also refused with X-Frame-Options for
 * older browsers, content types are never sniffed, and no Referer leaves the page (tile requests included).
 */
final class ResponseHeaders {
    private static final Pattern ORIGIN = Pattern.compile("^(https?)://([A-Za-z0-9.{}\\-]+(?::[0-9]{1,5})?)(?:[/?#]|$)");
    private static final Pattern PLAIN_HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9.\\-]+(?::[0-9]{1,5})?");

    private final String policy;

    private ResponseHeaders(String policy) {
        this.policy = policy;
    }

    /** @param tilesUrl the map tiles' URL template, or null for none */
    static ResponseHeaders forConsole(String tilesUrl) {
        String tiles = tileSource(tilesUrl);
        return new ResponseHeaders("default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; "
                + "img-src 'self' data:" + (tiles == null ? "" : " " + tiles) + "; connect-src 'self'; media-src 'self' blob:; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    String contentSecurityPolicy() {
        return policy;
    }

    void addTo(HttpHeaders headers) {
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }

    /**
     * The CSP source for a tile URL template: its scheme and host, a leading {@code {s}.} (Leaflet's
     * subdomains) as {@code *.}; only its scheme if the host has other placeholders; null for no template or
     * one on this server (a relative URL, which 'self' covers).
     */
    static String tileSource(String template) {
        if (template == null) {
            return null;
        }
        Matcher m = ORIGIN.matcher(template);
        if (!m.find()) {
            return null;
        }
        String host = m.group(2).startsWith("{s}.") ? "*." + m.group(2).substring(4) : m.group(2);
        return PLAIN_HOST.matcher(host).matches() ? m.group(1) + "://" + host : m.group(1) + ":";
    }
}
