package org.skyfleet.fleet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;

/**
 * Several server nodes on one database: each node its own store (pool) and journal, appending from
 * several threads at once. The stored chain must be one chain holding every acknowledged entry.
 */
class SharedAuditChainTest {
    private static final int NODES = 3;
    private static final int THREADS_PER_NODE = 4;
    private static final int APPENDS_PER_THREAD = 200;

    @TempDir
    Path dataDir;

    @Test
    void nodesOnOnePostgresSchemaWriteOneChain() throws Exception {
        String schema = PostgresSchemas.create();
        try {
            appendFromEveryNodeAndCheck(PostgresSchemas.url(schema));
        } finally {
            PostgresSchemas.drop(schema);
        }
    }

    /** Embedded H2 shares one open database among the connections of one process: the nodes' pools here. */
    @Test
    void nodesOnOneH2FileWriteOneChain() throws Exception {
        appendFromEveryNodeAndCheck(JdbcStore.embeddedUrl(dataDir));
    }

    private static void appendFromEveryNodeAndCheck(String url) throws Exception {
        List<JdbcStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
        try {
            for (int n = 0; n < NODES; n++) {
                stores.add(JdbcStore.open(url, THREADS_PER_NODE)); // one at a time: Flyway migrates once
            }
            ConcurrentLinkedQueue<AuditEntry> acknowledged = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                AuditJournal journal = new AuditJournal(Instant::now, stores.get(n).audit());
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    String actor = "node-" + n + " thread-" + t;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                            acknowledged.add(journal.append(actor, "command ARM", "drone-" + i % 5, "i=" + i, "ACCEPTED"));
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> w : writers) {
                w.get(); // rethrows a writer's failure, e.g. a StoreException after its retries
            }

            List<AuditEntry> chain = stores.get(0).audit().loadAll();
            int total = NODES * THREADS_PER_NODE * APPENDS_PER_THREAD;
            assertThat(chain).extracting(AuditEntry::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(AuditJournal.firstBroken(chain)).isEmpty();
            assertThat(acknowledged.stream().sorted(Comparator.comparingLong(AuditEntry::sequence)).toList())
                    .isEqualTo(chain);
            assertThat(new AuditJournal(Instant::now, stores.get(NODES - 1).audit()).firstBroken()).isEmpty();
        } finally {
            pool.shutdownNow();
            stores.forEach(JdbcStore::close);
        }
    }
}
