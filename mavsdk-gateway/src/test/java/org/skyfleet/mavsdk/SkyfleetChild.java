package org.skyfleet.mavsdk;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SkyFleet server with a simulated drone over MAVLink (`skyfleet demo --scenario`), in a child JVM from app's
 * classes and runtime classpath: its protobuf 4 / grpc 1.85 cannot share this JVM with MAVSDK's lite runtime.
 */
final class SkyfleetChild implements AutoCloseable {
    private static final Pattern GRPC = Pattern.compile("gRPC\\s+127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("^\\s+(pilot|commander|admin)\\s+(\\S+)$");

    final Process process;
    final int grpcPort;
    final Map<String, String> tokens = new HashMap<>();

    SkyfleetChild(Path scenario) throws Exception {
        Path app = Path.of("..", "app", "target").toAbsolutePath().normalize();
        Path classpathFile = app.resolve("runtime-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build through the reactor (mvn -pl mavsdk-gateway -am test)");
        }
        String classpath = app.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", classpath, "org.skyfleet.app.cli.SkyfleetCommand", "demo",
                "--scenario", scenario.toString(), "--grpc-port", "0", "--mavlink-port", "0", "--http-port", "0")
                .redirectErrorStream(true).start();
        // never outlive the test JVM, even when it is killed mid-run
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            seen.append(line).append('\n');
            Matcher g = GRPC.matcher(line);
            if (g.find()) {
                port = Integer.parseInt(g.group(1));
            }
            Matcher t = TOKEN.matcher(line);
            if (t.find()) {
                tokens.put(t.group(1), t.group(2));
            }
            if (line.startsWith("Try:")) {
                break;
            }
        }
        if (port < 0 || !tokens.containsKey("pilot")) {
            process.destroyForcibly();
            throw new IllegalStateException("SkyFleet did not start:\n" + seen);
        }
        grpcPort = port;
        // keep draining its output so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded
                }
            } catch (java.io.IOException ignored) {
                // the child ended
            }
        }, "skyfleet-child-output");
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
