package org.skyfleet.app;

import java.time.Duration;
import java.util.Objects;
import org.skyfleet.app.console.ConsoleSite;
import org.skyfleet.app.http.HttpLimits;
import org.skyfleet.server.auth.MutualTls;
import org.skyfleet.server.auth.SourceBans;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.telemetry.link.SigningKeys;
import org.skyfleet.telemetry.link.SystemAdmission;
import org.skyfleet.telemetry.link.UnsignedLinks;

/**
 * Where the server listens, how it judges links, and who may call it. Every port may be 0 to pick a free
 * one (tests).
 *
 * @param grpcHost          gRPC bind address; 127.0.0.1 unless the deployment says otherwise
 * @param grpcPort          gRPC port, 50051 by default
 * @param mavlinkHost       MAVLink UDP bind address, 0.0.0.0 so vehicles on the network reach it
 * @param mavlinkPort       first MAVLink UDP port, 14550 by default
 * @param mavlinkLinks      how many consecutive UDP ports (links) to open; each carries up to 254 vehicles
 * @param httpHost          metrics/health bind address
 * @param httpPort          metrics/health port, 9090 by default
 * @param heartbeatTimeout  no heartbeat for this long marks a vehicle's link lost
 * @param signingKeys       MAVLink 2 signing keys by vehicle system id, on every link; none by default
 * @param tokens            checks bearer tokens; null: no tokens are accepted
 * @param trustNamedCallers callers may name themselves in metadata (x-skyfleet-subject/-role) without a token:
 *                          for tests and the demo on loopback only; false: every call needs a valid token
 * @param admission         which system ids become vehicles: any (tests, demo) or registered ones only
 * @param tls               mutual TLS on the gRPC port; null: plaintext (loopback, or behind a TLS proxy)
 * @param consoleTilesUrl   the console's map tiles, a URL template with {z}/{x}/{y}; null: a plain offline background
 * @param lab               lab mode: relaxed checks for a lab bench, never for operations (today: the webhook also
 *                          takes {@code Authorization: Bearer <secret>} instead of a signed delivery)
 * @param httpLimits        how long the HTTP endpoint waits on clients (request head, idle, console sign-in);
 *                          null: {@link HttpLimits#defaults()}
 * @param allowUnsigned     with required tokens, still admit vehicles without a signing key (fleets that cannot
 *                          sign), each address of theirs a claim an operator confirms; see {@link #unsignedLinks()}
 * @param mavlinkSourceRate datagrams per second one source IP may send on a link (all its ports together), its burst
 *                          twice that; 0: the default, 2,000
 * @param consoleSite       the console's place: its time zone and where its offline map packages are; null: defaults
 * @param sourceBans        when an address whose calls keep being refused for want of a valid token is banned (its
 *                          connections closed and refused for a while); null: never
 */
public record ServerConfig(String grpcHost, int grpcPort, String mavlinkHost, int mavlinkPort, int mavlinkLinks,
                           String httpHost, int httpPort, Duration heartbeatTimeout, SigningKeys signingKeys,
                           TokenAuthority tokens, boolean trustNamedCallers, SystemAdmission admission,
                           MutualTls tls, String consoleTilesUrl, boolean lab, HttpLimits httpLimits,
                           boolean allowUnsigned, double mavlinkSourceRate, ConsoleSite consoleSite,
                           SourceBans.Policy sourceBans) {
    public ServerConfig {
        consoleSite = consoleSite == null ? ConsoleSite.defaults() : consoleSite;
        httpLimits = httpLimits == null ? HttpLimits.defaults() : httpLimits;
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(admission, "admission");
        if (mavlinkLinks < 1 || mavlinkLinks > 256) {
            throw new IllegalArgumentException("mavlinkLinks must be 1..256, got " + mavlinkLinks);
        }
        if (mavlinkPort == 0 && mavlinkLinks > 1) {
            throw new IllegalArgumentException("several links need a fixed first port");
        }
        if (!(mavlinkSourceRate >= 0)) {
            throw new IllegalArgumentException("mavlinkSourceRate must be >= 0, got " + mavlinkSourceRate);
        }
        if (!trustNamedCallers && tokens == null) {
            throw new IllegalArgumentException("without trusted named callers the server needs a token key");
        }
    }

    /** Unsigned links; callers name themselves. */
    public ServerConfig(String grpcHost, int grpcPort, String mavlinkHost, int mavlinkPort, int mavlinkLinks,
                        String httpHost, int httpPort, Duration heartbeatTimeout) {
        this(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort, heartbeatTimeout,
                SigningKeys.none(), null, true, SystemAdmission.ANY, null, null, false, null, false, 0, null, SourceBans.Policy.defaults());
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 50051, "0.0.0.0", 14550, 1, "127.0.0.1", 9090, Duration.ofSeconds(3));
    }

    /** Everything on loopback with free ports: for tests and benchmarks. */
    public static ServerConfig ephemeral() {
        return new ServerConfig("127.0.0.1", 0, "127.0.0.1", 0, 1, "127.0.0.1", 0, Duration.ofSeconds(3));
    }

    public ServerConfig withHeartbeatTimeout(Duration timeout) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort, timeout,
                signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    public ServerConfig withMavlink(String host, int port, int links) {
        return new ServerConfig(grpcHost, grpcPort, host, port, links, httpHost, httpPort, heartbeatTimeout, signingKeys,
                tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** Requires MAVLink 2 signing from, and signs for, every system id with a key. */
    public ServerConfig withSigningKeys(SigningKeys keys) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, keys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** Bearer tokens checked by {@code t}; with {@code required}, a call without a valid one is refused. */
    public ServerConfig withTokens(TokenAuthority t, boolean required) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, t, !required, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** Requires client certificates on the gRPC port. */
    public ServerConfig withTls(MutualTls t) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, t, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** The console's map tiles: a URL template with {z}/{x}/{y} (the force's own tile server); null for none. */
    public ServerConfig withConsoleTiles(String url) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, url, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** Which system ids the links take on as vehicles. */
    public ServerConfig withAdmission(SystemAdmission a) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, a, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** How long the HTTP endpoint waits on clients. */
    public ServerConfig withHttpLimits(HttpLimits limits) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, limits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** Lab mode: relaxed checks for a lab bench, never for operations. */
    public ServerConfig withLab(boolean on) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, on, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** With required tokens, admit vehicles without a signing key anyway, each of their addresses a claim. */
    public ServerConfig withAllowUnsigned(boolean allow) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allow, mavlinkSourceRate, consoleSite, sourceBans);
    }

    /** Datagrams per second one source IP may send on a link (many simulated vehicles on one host need more). */
    public ServerConfig withMavlinkSourceRate(double datagramsPerSecond) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, datagramsPerSecond, consoleSite, sourceBans);
    }

    /** The console's time zone and offline map packages. */
    public ServerConfig withConsoleSite(ConsoleSite site) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, site, sourceBans);
    }

    /** When a source that keeps calling without a valid token is banned; null: never. */
    public ServerConfig withSourceBans(SourceBans.Policy policy) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, signingKeys, tokens, trustNamedCallers, admission, tls, consoleTilesUrl, lab, httpLimits,
                allowUnsigned, mavlinkSourceRate, consoleSite, policy);
    }

    /**
     * How the links take on vehicles without a signing key. A server that requires tokens requires signing too:
     * without {@code --allow-unsigned} such vehicles are refused, with it each address of theirs, the first one
     * included, is a claim an operator confirms. Lab mode, or a server that does not require tokens (tests, the
     * bench), trusts a vehicle's first address. In every case a new address after link loss is a claim.
     */
    public UnsignedLinks unsignedLinks() {
        if (trustNamedCallers || lab) {
            return UnsignedLinks.FIRST_ADDRESS_TRUSTED;
        }
        return allowUnsigned ? UnsignedLinks.CLAIMED : UnsignedLinks.REFUSED;
    }
}
