package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;

/**
 * Regression: every GET of an unknown path under /console/ used to leave an entry in the static files'
 * cache, so anyone who could reach the port grew the heap without signing in (30,000 misses: 32 MB to
 * 152 MB live). The files are now indexed once at start and a miss is never remembered.
 */
class StaticMissesDoNotGrowTheHeapTest {
    private static final int MISSES = 100_000;
    private static final int SOCKETS = 4;
    private static final int PIPELINED = 200;
    private static final long ALLOWED_GROWTH_BYTES = 10L * 1024 * 1024;

    @Test
    void aHundredThousandDistinctMissesLeaveTheLiveHeapWhereItWas() throws Exception {
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
             var pool = new Closing(Executors.newFixedThreadPool(SOCKETS))) {
            int port = server.httpPort();
            missAll(port, pool.executor, 0, 2_000); // warm up: classes loaded, buffers pooled, before the first reading
            long before = LiveHeap.usedBytes();

            int notFound = missAll(port, pool.executor, 2_000, MISSES);

            long after = LiveHeap.usedBytes();
            System.out.printf("live heap %s -> %s after %d distinct misses%n", LiveHeap.mb(before), LiveHeap.mb(after), MISSES);
            assertThat(notFound).isEqualTo(MISSES);
            assertThat(after - before).as("live heap %s -> %s after %d distinct misses", LiveHeap.mb(before), LiveHeap.mb(after), MISSES)
                    .isLessThan(ALLOWED_GROWTH_BYTES);
        }
    }

    /** GETs {@code count} distinct unknown paths over a few keep-alive sockets, pipelined; returns how many were 404. */
    private static int missAll(int port, ExecutorService pool, int first, int count) throws Exception {
        List<Future<Integer>> parts = new ArrayList<>();
        for (int s = 0; s < SOCKETS; s++) {
            int from = first + s * count / SOCKETS;
            int to = first + (s + 1) * count / SOCKETS;
            parts.add(pool.submit(() -> missRange(port, from, to)));
        }
        int notFound = 0;
        for (Future<Integer> part : parts) {
            notFound += part.get();
        }
        return notFound;
    }

    private static int missRange(int port, int from, int to) throws IOException {
        int notFound = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            for (int i = from; i < to; i += PIPELINED) {
                int n = Math.min(PIPELINED, to - i);
                StringBuilder batch = new StringBuilder(n * 64);
                for (int j = 0; j < n; j++) {
                    batch.append("GET /console/missing-").append(i + j).append(".js HTTP/1.1\r\nHost: x\r\n\r\n");
                }
                out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int j = 0; j < n; j++) {
                    if (readStatus(in) == 404) {
                        notFound++;
                    }
                }
            }
        }
        return notFound;
    }

    /** Reads one response (head and Content-Length body) and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after: " + head);
            }
            head.append((char) b);
        }
        String h = head.toString();
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return Integer.parseInt(h.substring(9, 12));
    }

    private record Closing(ExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
