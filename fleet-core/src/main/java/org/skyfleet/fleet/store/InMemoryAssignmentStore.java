package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.skyfleet.fleet.dispatch.Assignment;

/** Unit assignments in memory, under the {@link InMemoryStore}'s one lock. */
final class InMemoryAssignmentStore implements AssignmentStore {
    private final Object lock;
    private final Map<String, Assignment> assignments = new TreeMap<>();

    InMemoryAssignmentStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(Assignment assignment) {
        synchronized (lock) {
            assignments.put(assignment.assignmentId(), assignment);
        }
    }

    @Override
    public Optional<Assignment> find(String assignmentId) {
        synchronized (lock) {
            return Optional.ofNullable(assignments.get(assignmentId));
        }
    }

    @Override
    public List<Assignment> loadOpen() {
        synchronized (lock) {
            return assignments.values().stream().filter(a -> a.state().open()).toList();
        }
    }

    @Override
    public long highestAssignmentNumber() {
        synchronized (lock) {
            return assignments.keySet().stream().mapToLong(AssignmentStore::numberOf).max().orElse(0);
        }
    }
}
