package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.List;

/** The outcomes of answered commands by command id, so command ids stay idempotent across a restart. */
public interface CommandStore {
    /** @throws StoreException if this command id is already stored */
    void save(CommandRecord command);

    /** The commands answered at or after {@code since}, oldest first. */
    List<CommandRecord> loadSince(Instant since);
}
