package org.skyfleet.video.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a vehicle's stream comes from, as FFmpeg input arguments: a URL the server pulls, or an RTMP
 * endpoint it listens on for a pusher (a DJI dock or a pilot's app publishing to rtmp://server/live/ID).
 *
 * @param url    what FFmpeg opens
 * @param listen true when FFmpeg waits for the pusher rather than connecting out
 */
public record StreamSource(String url, boolean listen) {
    /** The schemes the server pulls from. */
    public static final Set<String> PULL_SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "srt", "http", "https");

    /**
     * A URL to pull.
     *
     * @throws IllegalArgumentException for an unparseable URL or another scheme (file:, pipe: and the like are refused:
     *                                  an operator may not make the server read its own files)
     */
    public static StreamSource pull(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!PULL_SCHEMES.contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("a stream URL must be rtsp://, rtmp://, srt:// or http(s):// with a host; got " + url);
        }
        return new StreamSource(uri.toString(), false);
    }

    /** An RTMP endpoint on {@code host:port} that accepts one publisher at a time on /live/{vehicleId}. */
    public static StreamSource rtmpListen(String host, int port, String vehicleId) {
        return new StreamSource("rtmp://" + host + ":" + port + "/live/" + vehicleId, true);
    }

    /** FFmpeg's input options and {@code -i URL}, tuned for latency: no input buffering, a short probe. */
    List<String> inputArgs(int timeoutS) {
        List<String> args = new ArrayList<>(List.of("-fflags", "nobuffer", "-flags", "low_delay",
                "-probesize", "500000", "-analyzeduration", "1000000"));
        String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
        if (listen) {
            args.addAll(List.of("-listen", "1", "-timeout", "-1"));
        } else if (scheme.startsWith("rtsp")) {
            // TCP interleaved: no UDP ports to open through a police network's firewalls; timeout in microseconds
            args.addAll(List.of("-rtsp_transport", "tcp", "-timeout", String.valueOf(timeoutS * 1_000_000L)));
        } else if (scheme.startsWith("http") || scheme.equals("srt")) {
            args.addAll(List.of("-rw_timeout", String.valueOf(timeoutS * 1_000_000L)));
        }
        args.addAll(List.of("-i", url));
        return args;
    }
}
