package org.skyfleet.fleet.gate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command centre's watch list: fusion tracks and vessels a commander marked, whose gate crossings are then
 * watched (alerted) as an open incident's track is. Safe for many threads: gRPC calls change it while the gate
 * watch reads it.
 */
public final class WatchList {
    /**
     * One subject on the list.
     *
     * @param note      why, as the commander wrote it
     * @param watchedBy who put it on the list
     */
    public record Watched(SubjectKind kind, String subjectId, String note, String watchedBy, Instant since) {
        public Watched {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(since, "since");
            note = note == null ? "" : note;
            watchedBy = watchedBy == null ? "" : watchedBy;
        }
    }

    private record Key(SubjectKind kind, String id) {
    }

    private final ConcurrentHashMap<Key, Watched> watched = new ConcurrentHashMap<>();

    /**
     * Puts a subject on the list, or replaces its entry.
     *
     * @throws IllegalArgumentException for a kind other than TRACK or VESSEL, or a blank id
     */
    public Watched watch(Watched w) {
        if (w.kind() != SubjectKind.TRACK && w.kind() != SubjectKind.VESSEL) {
            throw new IllegalArgumentException("only a track or a vessel can be watched, not a " + w.kind());
        }
        if (w.subjectId().isBlank()) {
            throw new IllegalArgumentException("the subject's id is empty");
        }
        watched.put(new Key(w.kind(), w.subjectId()), w);
        return w;
    }

    /** Takes a subject off the list. @return false if it was not on it */
    public boolean unwatch(SubjectKind kind, String subjectId) {
        return watched.remove(new Key(kind, subjectId)) != null;
    }

    public Optional<Watched> find(SubjectKind kind, String subjectId) {
        return Optional.ofNullable(watched.get(new Key(kind, subjectId)));
    }

    /** Everything on the list, by kind then id. */
    public List<Watched> all() {
        return watched.values().stream().sorted(Comparator.comparing(Watched::kind).thenComparing(Watched::subjectId)).toList();
    }
}
