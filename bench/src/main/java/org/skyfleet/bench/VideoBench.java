package org.skyfleet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.simulator.video.CameraFeeds;
import org.skyfleet.simulator.video.CameraScene;
import org.skyfleet.simulator.video.Publication;
import org.skyfleet.simulator.video.SimCamera;
import org.skyfleet.simulator.video.TimeCode;
import org.skyfleet.video.stream.StreamState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Live video, measured on the real path. Glass to glass: a simulated camera stamps the capture time into its
 * picture, FFmpeg encodes H.264 and pushes RTMP, the server remuxes and relays it over a WebSocket, headless
 * Chromium decodes it through Media Source Extensions; the time read back from the displayed picture against
 * the browser's clock (same machine) is the latency. Relay CPU: 16 pushed streams (a pre-encoded clip pushed
 * with {@code -c copy}, so no encoding is counted) with 4 WebSocket viewers each; the relay is the server's
 * video and HTTP threads plus its ingest FFmpeg processes. Appends to bench/results/video.txt.
 */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = "Glass-to-glass latency (p50/p99) and relay CPU with many streams and viewers.")
public final class VideoBench implements Callable<Integer> {
    @Option(names = "--latency-seconds", defaultValue = "20", description = "seconds of latency samples (default: ${DEFAULT-VALUE})")
    int latencySeconds;

    @Option(names = "--streams", defaultValue = "16", description = "streams for the relay CPU (default: ${DEFAULT-VALUE})")
    int streams;

    @Option(names = "--viewers", defaultValue = "4", description = "viewers per stream (default: ${DEFAULT-VALUE})")
    int viewers;

    @Option(names = "--cpu-seconds", defaultValue = "15", description = "seconds the relay CPU is measured (default: ${DEFAULT-VALUE})")
    int cpuSeconds;

    @Option(names = "--results", defaultValue = "bench/results/video.txt", description = "results file (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        String token = tokens.issue("bench", Operator.Role.COMMANDER, Duration.ofHours(1));
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true),
                InstantSource.system())) {
            long[] latency = latency(server, token);
            double[] cpu = relayCpu(server, token);
            String line = String.format(Locale.ROOT, "%s glass_to_glass_p50_ms=%d p99_ms=%d samples=%d streams=%d viewers_per_stream=%d"
                            + " relay_cores=%.3f (server threads %.3f + ingest ffmpeg %.3f) delivered_kbit_s_per_viewer=%.0f cores=%d%n",
                    Instant.now(), latency[0], latency[1], latency[2], streams, viewers, cpu[0] + cpu[1], cpu[0], cpu[1], cpu[2],
                    Runtime.getRuntime().availableProcessors());
            System.out.print(line);
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }

    /** p50, p99 and the sample count of glass-to-glass milliseconds. */
    private long[] latency(SkyfleetServer server, String token) throws Exception {
        String id = "bench-cam";
        server.video().acceptPush(id);
        CameraScene scene = new CameraScene(id, 0, 0, 0, 60, 0, 70, false, List.of(new double[] {2, 2}), List.of());
        Publication p = Publication.rtmpPush(server.video().pushUrl(id).orElseThrow());
        ChromeDriver chrome = chromium();
        try (SimCamera camera = new SimCamera("ffmpeg", CameraFeeds.WIDTH_PX, CameraFeeds.HEIGHT_PX, CameraFeeds.FRAMES_PER_S,
                () -> new CameraScene(id, System.currentTimeMillis(), scene.eastM(), scene.northM(), scene.altRelM(),
                        scene.headingDeg(), scene.hfovDeg(), false, scene.people(), scene.groundUnits()), p.url(), p.encoderOutput(), id)) {
            chrome.get("http://127.0.0.1:" + server.httpPort() + "/console/#video=grid&token=" + token);
            String read = "const s = window.skyfleetVideo && window.skyfleetVideo.sample(arguments[0]); if (!s) return -1;"
                    + " const now = Date.now(); return now - (" + TimeCode.javascriptReader() + ")(s.rgba, s.width);";
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (((Number) chrome.executeScript(read, id)).longValue() < 0 || ((Number) chrome.executeScript(read, id)).longValue() > 60_000) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the browser never showed the camera's picture");
                }
                Thread.sleep(200);
            }
            Thread.sleep(3000); // past the start-up
            List<Long> samples = new ArrayList<>();
            end = System.nanoTime() + TimeUnit.SECONDS.toNanos(latencySeconds);
            while (System.nanoTime() < end) {
                long ms = ((Number) chrome.executeScript(read, id)).longValue();
                if (ms >= 0 && ms < 60_000) {
                    samples.add(ms);
                }
                Thread.sleep(97);
            }
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            return new long[] {percentile(sorted, 50), percentile(sorted, 99), sorted.length};
        } finally {
            chrome.quit();
            server.video().remove(id);
        }
    }

    /** Relay cores used by server threads, by ingest FFmpeg processes; and delivered kbit/s per viewer. */
    private double[] relayCpu(SkyfleetServer server, String token) throws Exception {
        Path clip = Files.createTempFile("skyfleet-bench-clip", ".flv");
        run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15", "-t", "10",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "15", "-pix_fmt", "yuv420p", "-f", "flv",
                clip.toString());
        List<Process> pushers = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        AtomicLong bytes = new AtomicLong();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < streams; i++) {
                String id = "bench-" + i;
                server.video().acceptPush(id);
                pushers.add(push(clip, server.video().pushUrl(id).orElseThrow()));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.video().all().stream().filter(s -> s.state() == StreamState.LIVE).count() < streams) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("not every stream went live: " + server.video().all());
                }
                Thread.sleep(200);
            }
            for (int i = 0; i < streams; i++) {
                for (int v = 0; v < viewers; v++) {
                    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort()
                            + "/api/v1/video/bench-" + i + "/ws"), new Counting(bytes)).get(10, TimeUnit.SECONDS);
                    ws.sendText(token, true);
                    sockets.add(ws);
                }
            }
            Thread.sleep(3000);
            double[] before = {relayThreadCpuNs(), ingestCpuNs()};
            long bytesBefore = bytes.get();
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(cpuSeconds));
            double wallNs = System.nanoTime() - t0;
            double threads = (relayThreadCpuNs() - before[0]) / wallNs;
            double ingest = (ingestCpuNs() - before[1]) / wallNs;
            double kbit = (bytes.get() - bytesBefore) * 8 / (wallNs / 1e9) / 1000 / sockets.size();
            return new double[] {threads, ingest, kbit};
        } finally {
            sockets.forEach(WebSocket::abort);
            pushers.forEach(Process::destroyForcibly);
            Files.deleteIfExists(clip);
        }
    }

    private static final class Counting implements WebSocket.Listener {
        private final AtomicLong bytes;

        Counting(AtomicLong bytes) {
            this.bytes = bytes;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            bytes.addAndGet(data.remaining());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }
    }

    /** A looped clip pushed without re-encoding, started again until the endpoint is listening. */
    private static Process push(Path clip, String url) throws Exception {
        for (int tries = 0; tries < 40; tries++) {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1",
                    "-i", clip.toString(), "-c", "copy", "-f", "flv", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1500, TimeUnit.MILLISECONDS)) {
                return p;
            }
        }
        throw new IllegalStateException("nothing listening at " + url);
    }

    private static long relayThreadCpuNs() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("skyfleet-video") || t.getThreadName().startsWith("skyfleet-http"))) {
                total += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    private static long ingestCpuNs() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains("empty_moov+default_base_moof+frag_every_frame"))
                        .orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static ChromeDriver chromium() {
        Map<String, String> env = System.getenv();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env.getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--window-size=1280,800", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(env.getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
