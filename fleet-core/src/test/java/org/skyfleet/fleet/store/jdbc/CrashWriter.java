package org.skyfleet.fleet.store.jdbc;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import org.skyfleet.fleet.store.StoreFixtures;

/**
 * Run in a child JVM by {@link AcknowledgedWritesSurviveAKillTest}: writes sightings to the store at
 * {@code args[0]} until killed, printing "ACK id" once each write has returned.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        JdbcStore store = JdbcStore.open(args[0], 2);
        for (long n = 0; ; n++) {
            String id = "s-" + n;
            store.sightings().append(StoreFixtures.sighting(id, n, null));
            out.println("ACK " + id);
        }
    }
}
