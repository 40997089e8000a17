package org.skyfleet.fleet.bus;

import java.util.function.Consumer;
import java.util.concurrent.CompletionStage;

/**
 * The part of the bus for what must not be lost: incidents, sightings, assignments, audit entries.
 * An append completes only once the log has stored the record, so a caller is acknowledged after it
 * is safe; a follower under a durable name resumes after its last handled record when it comes back.
 */
public interface DurableLog {

    /**
     * Appends a record; the stage completes with its sequence once stored, or exceptionally if it was not.
     *
     * @param dedupeId the same id appended twice within the log's window is stored once (a retried append)
     */
    CompletionStage<Long> append(RecordKind kind, String key, String dedupeId, byte[] payload);

    /**
     * Follows records of one kind under a durable name: the first time from the start of the log,
     * afterwards from the first record the name has not handled. A record counts as handled when
     * {@code handler} returns; if it throws, the record is delivered again.
     */
    AutoCloseable follow(String durableName, RecordKind kind, Consumer<DurableRecord> handler);
}
