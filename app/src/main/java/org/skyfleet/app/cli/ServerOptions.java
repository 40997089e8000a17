package org.skyfleet.app.cli;

import java.time.Duration;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.telemetry.link.SigningKeys;
import org.skyfleet.app.console.ConsoleSite;
import picocli.CommandLine.Option;

/** The listening options shared by {@code serve} and {@code demo}. */
final class ServerOptions {
    @Option(names = "--grpc-host", defaultValue = "127.0.0.1", description = "gRPC bind address (default: ${DEFAULT-VALUE})")
    String grpcHost;

    @Option(names = "--grpc-port", defaultValue = "50051", description = "gRPC port (default: ${DEFAULT-VALUE})")
    int grpcPort;

    @Option(names = "--mavlink-host", defaultValue = "0.0.0.0", description = "MAVLink UDP bind address (default: ${DEFAULT-VALUE})")
    String mavlinkHost;

    @Option(names = "--mavlink-port", defaultValue = "14550", description = "first MAVLink UDP port (default: ${DEFAULT-VALUE})")
    int mavlinkPort;

    @Option(names = "--mavlink-links", defaultValue = "1",
            description = "consecutive UDP ports to open, up to 254 vehicles each (default: ${DEFAULT-VALUE})")
    int mavlinkLinks;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "metrics/health bind address (default: ${DEFAULT-VALUE})")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "9090", description = "metrics/health port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--console-tiles", description = "map tiles for the console, a URL template such as "
            + "https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: none, a plain background with a grid, no internet needed)")
    String consoleTiles;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "the zone the console shows times in, e.g. Asia/Shanghai (default: UTC; the demo: Asia/Shanghai)")
    java.time.ZoneId timeZone;

    @Option(names = "--console-tiles-datum", defaultValue = "wgs84", paramLabel = "DATUM",
            description = "the datum --console-tiles are drawn in: wgs84 (or cgcs2000: Tianditu, OpenStreetMap), gcj02 "
                    + "(AMap, Tencent) or bd09 (Baidu); the console converts what it draws (default: ${DEFAULT-VALUE})")
    String consoleTilesDatum;

    @Option(names = "--heartbeat-timeout-ms", defaultValue = "3000",
            description = "no heartbeat for this long marks a link lost (default: ${DEFAULT-VALUE})")
    long heartbeatTimeoutMs;

    @Option(names = "--signing-keys", description = "MAVLink 2 signing keys, one 'sysid hex-key' line each (64 hex digits): "
            + "those system ids must sign every frame and are sent signed frames. The file's permissions are not "
            + "checked: keep it readable by the server's user only")
    java.nio.file.Path signingKeys;

    @Option(names = "--tls-keystore", description = "PKCS#12 file with the server's key and certificate: the gRPC port then "
            + "speaks TLS and requires client certificates (mutual TLS), and the HTTP port (metrics, health, webhook, console) "
            + "speaks TLS with the same certificate, client certificates optional; the password comes from SKYFLEET_TLS_PASSWORD")
    java.nio.file.Path tlsKeyStore;

    @Option(names = "--tls-truststore", description = "PKCS#12 file with the CA certificates client certificates must chain to")
    java.nio.file.Path tlsTrustStore;

    @Option(names = "--data-dir", description = "keep incidents, sightings, assignments, leases and the audit journal in an "
            + "embedded H2 database in this directory (serve: skyfleet-data; demo: kept in memory unless given)")
    java.nio.file.Path dataDir;

    @Option(names = "--tiles-dir", paramLabel = "DIR", description = "the offline map packages the console draws "
            + "('skyfleet tiles import' puts them there; default: the data directory's tiles/, skyfleet-data/tiles)")
    java.nio.file.Path tilesDir;

    /** Where tile packages are: --tiles-dir, or tiles/ in the data directory (skyfleet-data by default). */
    java.nio.file.Path tilesDirectory() {
        if (tilesDir != null) {
            return tilesDir;
        }
        return (dataDir != null ? dataDir : java.nio.file.Path.of("skyfleet-data")).resolve("tiles");
    }

    @Option(names = "--store-url", description = "keep them in PostgreSQL instead, e.g. "
            + "jdbc:postgresql://127.0.0.1:5432/skyfleet?user=skyfleet (the schema is migrated on start)")
    String storeUrl;

    /** The store: PostgreSQL by URL, embedded H2 in the data directory, or memory when neither applies. */
    org.skyfleet.fleet.store.Store openStore(java.nio.file.Path defaultDataDir) {
        if (storeUrl != null) {
            return org.skyfleet.fleet.store.jdbc.JdbcStore.open(storeUrl);
        }
        java.nio.file.Path dir = dataDir != null ? dataDir : defaultDataDir;
        return dir == null ? new org.skyfleet.fleet.store.InMemoryStore() : org.skyfleet.fleet.store.jdbc.JdbcStore.openEmbedded(dir);
    }

    @Option(names = "--token-max-ttl", defaultValue = "12h", paramLabel = "DURATION",
            description = "the longest a bearer token may live, e.g. 12h, 90m: tokens issued for longer, or presented with a "
                    + "longer lifetime, are refused (default: ${DEFAULT-VALUE})")
    String tokenMaxTtl;

    /** {@code --token-max-ttl} as a duration: a number with h, m or s, or ISO-8601 (PT12H). */
    java.time.Duration tokenMaxTtl() {
        return TokenLifetimes.parse(tokenMaxTtl, "--token-max-ttl");
    }

    @Option(names = "--lab", description = "lab mode: relaxed checks for a lab bench, never for operations. Today: the "
            + "webhook also takes 'Authorization: Bearer <SKYFLEET_WEBHOOK_SECRET>' instead of a signed delivery, and serve "
            + "starts without SKYFLEET_TOKEN_KEY on a non-loopback address")
    boolean lab;

    @Option(names = "--allow-unsigned", description = "with tokens required, still admit vehicles that have no MAVLink "
            + "signing key (fleets that cannot sign). Each address such a vehicle speaks from, the first included, is a "
            + "link claim: its telemetry is shown as unconfirmed and nothing is sent to it until a commander (or the pilot "
            + "holding its lease) confirms it (ConfirmLinkClaim, or the console's vehicle details). Without it such "
            + "vehicles are not admitted. --lab implies it, trusting a vehicle's first address")
    boolean allowUnsigned;

    @Option(names = "--mavlink-source-rate", defaultValue = "2000", description = "datagrams per second one source IP "
            + "address may send on a link, all its ports together, before the excess is dropped; bursts of twice that "
            + "(default: ${DEFAULT-VALUE}). Raise it for many vehicles behind one address (a NAT, a simulator host)")
    double mavlinkSourceRate;

    @Option(names = "--source-ban", defaultValue = "60s", paramLabel = "DURATION",
            description = "how long an address is banned (its connections closed and refused) after more than 50 calls "
                    + "without a valid token at over 5 a second; 0 never bans (default: ${DEFAULT-VALUE})")
    String sourceBan;

    @Option(names = "--admit", description = "which MAVLink system ids become vehicles: 'any' (demo default) or "
            + "'registered' (serve default: --register ids, and those with a signing key)")
    String admit;

    @Option(names = "--register", split = ",", description = "system ids admitted as vehicles, e.g. 1,2,3")
    java.util.List<Integer> registered = new java.util.ArrayList<>();

    ServerConfig toConfig() {
        return toConfig(true);
    }

    /**
     * Why a server without a token key may not start with these options, or null when it may: callers then name
     * themselves in metadata, which is tolerable on loopback or on a lab bench ({@code --lab}), never where others
     * can reach the gRPC or HTTP port.
     */
    String unauthenticatedExposure() {
        if (lab) {
            return null;
        }
        java.util.List<String> exposed = new java.util.ArrayList<>();
        if (!isLoopback(grpcHost)) {
            exposed.add("--grpc-host " + grpcHost);
        }
        if (!isLoopback(httpHost)) {
            exposed.add("--http-host " + httpHost);
        }
        if (exposed.isEmpty()) {
            return null;
        }
        return "refusing to serve " + String.join(" and ", exposed) + " without a token key: anyone reaching it could name "
                + "themselves an admin. Set SKYFLEET_TOKEN_KEY to the fleet's token key (openssl rand -hex 32; every node "
                + "the same) and issue tokens with 'skyfleet token create', or bind to 127.0.0.1, or pass --lab for a lab bench";
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** @param admitAnyByDefault what --admit means when not given: any system id, or registered ones only */
    ServerConfig toConfig(boolean admitAnyByDefault) {
        boolean any = admit == null ? admitAnyByDefault : switch (admit.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "any" -> true;
            case "registered" -> false;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--admit must be 'any' or 'registered', got '" + admit + "'");
        };
        SigningKeys keys = signingKeys == null ? SigningKeys.none() : SigningKeys.load(signingKeys);
        java.util.Set<Integer> ids = new java.util.HashSet<>(registered);
        for (int id = 1; id <= 255; id++) {
            if (keys.requiresSigning(id)) {
                ids.add(id); // a vehicle that was given a key is expected
            }
        }
        return baseConfig().withAdmission(any ? org.skyfleet.telemetry.link.SystemAdmission.ANY
                : org.skyfleet.telemetry.link.SystemAdmission.only(ids));
    }

    private ServerConfig baseConfig() {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                Duration.ofMillis(heartbeatTimeoutMs))
                .withSigningKeys(signingKeys == null ? SigningKeys.none() : SigningKeys.load(signingKeys))
                .withTls(tls())
                .withConsoleTiles(consoleTiles)
                .withLab(lab)
                .withAllowUnsigned(allowUnsigned)
                .withMavlinkSourceRate(mavlinkSourceRate)
                .withConsoleSite(ConsoleSite.defaults().withTimeZone(timeZone != null ? timeZone : java.time.ZoneId.of("UTC"))
                        .withTilePackages(tilesDirectory())
                        .withTilesDatum(org.skyfleet.fleet.geo.Datum.parse(consoleTilesDatum)))
                .withSourceBans(sourceBans());
    }

    private org.skyfleet.server.auth.SourceBans.Policy sourceBans() {
        return "0".equals(sourceBan.strip()) ? null
                : org.skyfleet.server.auth.SourceBans.Policy.defaults().withBan(TokenLifetimes.parse(sourceBan, "--source-ban"));
    }

    private org.skyfleet.server.auth.MutualTls tls() {
        if (tlsKeyStore == null && tlsTrustStore == null) {
            return null;
        }
        if (tlsKeyStore == null || tlsTrustStore == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "mutual TLS needs both --tls-keystore and --tls-truststore");
        }
        String password = System.getenv("SKYFLEET_TLS_PASSWORD");
        if (password == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "set SKYFLEET_TLS_PASSWORD to the password of the TLS stores");
        }
        return new org.skyfleet.server.auth.MutualTls(tlsKeyStore, tlsTrustStore, password.toCharArray());
    }
}
