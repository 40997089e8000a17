package org.skyfleet.fleet.control;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Makes a client-chosen command id run once: the first call with an id runs the command, every later
 * call with that id gets the first call's result (still pending or done). The same id with a
 * different command is refused, not silently answered with another command's result. Remembers ids
 * for {@code retention} and at most {@code capacity} of them, oldest forgotten first.
 */
public final class CommandLedger<R> {
    private record Entry<R>(String fingerprint, CompletableFuture<R> result, Instant at) {
    }

    private final Map<String, Entry<R>> entries = new LinkedHashMap<>();
    private final InstantSource clock;
    private final Duration retention;
    private final int capacity;
    private final Predicate<R> neverSent;

    public CommandLedger(InstantSource clock, Duration retention, int capacity) {
        this(clock, retention, capacity, r -> false);
    }

    /**
     * @param neverSent true for a result that says the command never left the ground (no link to send it on):
     *                  such an id is forgotten once answered, so the caller's retry with it runs the command
     */
    public CommandLedger(InstantSource clock, Duration retention, int capacity, Predicate<R> neverSent) {
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
        this.neverSent = neverSent;
    }

    /**
     * @param commandId   the caller's id for this command, unique per caller
     * @param fingerprint what the command is (vehicle, verb, parameters); must match on a repeat
     * @param run         starts the command; called at most once per id
     * @throws IllegalArgumentException if the id was used for a different command
     */
    public CompletionStage<R> runOnce(String commandId, String fingerprint, Supplier<CompletionStage<R>> run) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (commandId == null || commandId.isBlank()) {
            throw new IllegalArgumentException("a command needs a client-chosen command id");
        }
        CompletableFuture<R> mine;
        synchronized (this) {
            forgetOld();
            Entry<R> seen = entries.get(commandId);
            if (seen != null) {
                if (!seen.fingerprint().equals(fingerprint)) {
                    throw new IllegalArgumentException("command id '" + commandId + "' was already used for another command: "
                            + seen.fingerprint());
                }
                return seen.result();
            }
            mine = new CompletableFuture<>();
            entries.put(commandId, new Entry<>(fingerprint, mine, clock.instant()));
        }
        try {
            run.get().whenComplete((r, e) -> {
                if (e == null && neverSent.test(r)) {
                    forget(commandId, mine);
                }
                if (e != null) {
                    mine.completeExceptionally(e);
                } else {
                    mine.complete(r);
                }
            });
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }

    /**
     * Remembers a command answered elsewhere (before a restart, or by another node sharing the store), as
     * answered at {@code at}: a repeat of its id gets {@code result} and does not run again. An id this
     * ledger already holds keeps what it has.
     */
    public synchronized void remember(String commandId, String fingerprint, R result, Instant at) {
        entries.putIfAbsent(commandId, new Entry<>(fingerprint, CompletableFuture.completedFuture(result), at));
        forgetOld();
    }

    /** Whether a repeat of {@code commandId} would be answered from here (running, or answered within retention). */
    public synchronized boolean holds(String commandId) {
        forgetOld();
        return entries.containsKey(commandId);
    }

    private synchronized void forget(String commandId, CompletableFuture<R> result) {
        Entry<R> e = entries.get(commandId);
        if (e != null && e.result() == result) {
            entries.remove(commandId);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(retention);
        Iterator<Entry<R>> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry<R> e = it.next();
            if (entries.size() > capacity || e.at().isBefore(cutoff)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
