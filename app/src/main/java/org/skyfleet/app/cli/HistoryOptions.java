package org.skyfleet.app.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long {@code serve} keeps position history for replay. */
final class HistoryOptions {
    @Option(names = "--history-retention-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Keep vehicles', units' and vessels' position history this many days (1..3650), pruned hourly; "
                    + "replay of anything older shows its timeline without tracks (default: ${DEFAULT-VALUE})")
    int retentionDays;

    /** @throws IllegalArgumentException naming the option when out of range */
    Duration retention() {
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("--history-retention-days must be 1..3650, got " + retentionDays);
        }
        return Duration.ofDays(retentionDays);
    }
}
