package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answered commands in memory, under the {@link InMemoryStore}'s one lock; a command id is stored once. */
final class InMemoryCommandStore implements CommandStore {
    private final Object lock;
    private final Map<String, CommandRecord> commands = new LinkedHashMap<>();

    InMemoryCommandStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(CommandRecord command) {
        synchronized (lock) {
            if (commands.putIfAbsent(command.commandId(), command) != null) {
                throw new StoreException("command " + command.commandId() + " is already stored");
            }
        }
    }

    @Override
    public List<CommandRecord> loadSince(Instant since) {
        synchronized (lock) {
            return commands.values().stream().filter(c -> !c.answeredAt().isBefore(since))
                    .sorted(Comparator.comparing(CommandRecord::answeredAt)).toList();
        }
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        synchronized (lock) {
            return Optional.ofNullable(commands.get(commandId));
        }
    }
}
