package org.skyfleet.fleet.store.jdbc;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A write that was acknowledged is durable", tested the hard way on the embedded store: a child JVM
 * writes and acknowledges, is killed (SIGKILL, no shutdown hooks, no close), and every acknowledged
 * write must be there when the store is opened again.
 */
class AcknowledgedWritesSurviveAKillTest {
    @TempDir
    Path dataDir;

    /**
     * A killed H2 process leaves its lock file behind; H2 takes it over once it sees the file is stale, which
     * can take a couple of seconds. A restarted server waits the same way.
     */
    private static JdbcStore reopenAfterCrash(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return JdbcStore.open(url);
            } catch (StoreException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }

    @Test
    void everyAcknowledgedSightingIsThereAfterTheWriterIsKilled() throws Exception {
        String url = JdbcStore.embeddedUrl(dataDir);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), url)
                .redirectError(dataDir.resolve("writer-stderr.txt").toFile()).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < 300 && (line = in.readLine()) != null; ) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("the writer started and acknowledged writes; its stderr:%n%s",
                Files.readString(dataDir.resolve("writer-stderr.txt"))).hasSizeGreaterThanOrEqualTo(300);

        try (JdbcStore store = reopenAfterCrash(url)) {
            assertThat(store.sightings().count()).isGreaterThanOrEqualTo(acknowledged.size());
            String last = acknowledged.get(acknowledged.size() - 1);
            assertThat(store.sightings().count()).as("the last acknowledged, %s, and all before it", last)
                    .isGreaterThanOrEqualTo(Long.parseLong(last.substring(2)) + 1);
        }
    }
}
