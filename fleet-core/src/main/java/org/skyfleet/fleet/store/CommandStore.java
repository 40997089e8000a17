package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outcomes of answered commands by command id, so command ids stay idempotent across a restart. */
public interface CommandStore {
    /** @throws StoreException if this command id is already stored */
    void save(CommandRecord command);

    /** The commands answered at or after {@code since}, oldest first. */
    List<CommandRecord> loadSince(Instant since);

    /** The command answered under {@code commandId}, if any: by this node or another sharing the store. */
    Optional<CommandRecord> find(String commandId);
}
