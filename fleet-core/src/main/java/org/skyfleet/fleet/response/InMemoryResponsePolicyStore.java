package org.skyfleet.fleet.response;

import java.util.Optional;

/** The policy in memory, under the lock given (the in-memory store's one lock). */
public final class InMemoryResponsePolicyStore implements ResponsePolicyStore {
    private final Object lock;
    private SavedResponsePolicy saved;

    public InMemoryResponsePolicyStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(SavedResponsePolicy policy) {
        synchronized (lock) {
            saved = policy;
        }
    }

    @Override
    public Optional<SavedResponsePolicy> load() {
        synchronized (lock) {
            return Optional.ofNullable(saved);
        }
    }
}
