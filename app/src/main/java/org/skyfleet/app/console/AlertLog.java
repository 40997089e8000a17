package org.skyfleet.app.console;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.fusion.TrackUpdate;

/**
 * What a commander must see and acknowledge: lost links, low batteries, predicted and actual breaches,
 * new sightings and confirmed tracks. Every raise and every acknowledgement is a numbered change, kept
 * in a ring of the last {@code capacity}; a browser reads changes after its own cursor, so any number of
 * browsers share one log, a slow one costs nothing but its cursor, and one that fell out of the ring is
 * told how many changes it missed.
 */
public final class AlertLog {
    /**
     * One alert; {@code ackedBy} is null until someone acknowledges it. The console renders it in its own
     * language from {@code kind} (the message code), {@code severity}, {@code subject} and {@code params};
     * {@code message} stays the English sentence, for the audit journal and for clients without a catalogue.
     */
    public record Alert(long id, Instant time, String kind, String severity, String subject, String message,
                        double latDeg, double lonDeg, String ackedBy, Instant ackedAt, Map<String, String> params) {
        public Alert {
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        String json() {
            JsonObject p = new JsonObject();
            new java.util.TreeMap<>(params).forEach(p::str);
            return new JsonObject().str("t", "alert").num("id", id).num("timeMs", time.toEpochMilli()).str("kind", kind)
                    .str("severity", severity).str("subject", subject).str("message", message).raw("params", p.end())
                    .num("latDeg", latDeg).num("lonDeg", lonDeg).str("ackedBy", ackedBy)
                    .num("ackedAtMs", ackedAt == null ? 0 : ackedAt.toEpochMilli()).end();
        }
    }

    /** Changes after a cursor: their JSON, the cursor to ask from next, and how many were lost to the ring. */
    public record Page(List<String> changes, long next, long missed) {
    }

    static final Set<EventType> ALERTING = EnumSet.of(EventType.LINK_LOST, EventType.LOW_BATTERY,
            EventType.GEOFENCE_PREDICTED_BREACH, EventType.GEOFENCE_BREACH, EventType.GPS_FIX_LOST,
            EventType.LINK_CLAIMED);

    private final InstantSource clock;
    private final AuditJournal audit;
    private final int capacity;
    private final String[] ring;
    private final Map<Long, Alert> alerts = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long nextChange;
    private long nextId = 1;

    public AlertLog(InstantSource clock, AuditJournal audit, int capacity) {
        this.clock = clock;
        this.audit = audit;
        this.capacity = capacity;
        this.ring = new String[capacity];
    }

    /** A vehicle event from the bus: raised if it is one a commander must see. */
    public void onEvent(VehicleEvent e) {
        if (ALERTING.contains(e.type())) {
            raise(e.time(), e.type().name(), e.severity().name(), e.vehicleId(), e.message(), Double.NaN, Double.NaN, e.params());
        }
    }

    /** A track change from fusion: a new sighting, or a track confirmed. */
    public void onTrack(TrackUpdate u) {
        var t = u.track();
        onTrackChange(u.kind().name(), t.targetClass().name(), t.id(), t.latDeg(), t.lonDeg());
    }

    /** A track change another node's fusion made, as it came over the bus. */
    public void onTrack(org.skyfleet.proto.v1.TrackUpdate u) {
        var t = u.getTrack();
        onTrackChange(u.getChange().name().substring("TRACK_CHANGE_".length()),
                t.getTargetClass().name().substring("TARGET_CLASS_".length()), t.getTrackId(),
                t.getPosition().getLatDeg(), t.getPosition().getLonDeg());
    }

    private void onTrackChange(String change, String targetClass, String trackId, double latDeg, double lonDeg) {
        String what = targetClass.toLowerCase(java.util.Locale.ROOT);
        switch (change) {
            case "CREATED" -> raise(clock.instant(), "NEW_SIGHTING", "INFO", trackId, "new sighting: " + what, latDeg, lonDeg,
                    Map.of("target_class", targetClass));
            case "CONFIRMED" -> raise(clock.instant(), "TRACK_CONFIRMED", "WARNING", trackId, "track confirmed: " + what,
                    latDeg, lonDeg, Map.of("target_class", targetClass));
            default -> { }
        }
    }

    public Alert raise(Instant time, String kind, String severity, String subject, String message, double latDeg, double lonDeg) {
        return raise(time, kind, severity, subject, message, latDeg, lonDeg, Map.of());
    }

    /** @param params the message's values by name, for the console to render {@code kind} in its own language */
    public Alert raise(Instant time, String kind, String severity, String subject, String message, double latDeg, double lonDeg,
                       Map<String, String> params) {
        Alert a;
        synchronized (this) {
            a = new Alert(nextId++, time, kind, severity, subject, message, latDeg, lonDeg, null, null, params);
            alerts.put(a.id(), a);
            if (alerts.size() > capacity) {
                alerts.remove(alerts.keySet().iterator().next());
            }
            record(a.json());
        }
        listeners.forEach(Runnable::run);
        return a;
    }

    /** Acknowledges an alert (once; a second acknowledgement returns the first), audited. Empty if unknown. */
    public Optional<Alert> acknowledge(Operator by, long id) {
        Alert acked;
        synchronized (this) {
            Alert a = alerts.get(id);
            if (a == null || a.ackedBy() != null) {
                return Optional.ofNullable(a);
            }
            acked = new Alert(a.id(), a.time(), a.kind(), a.severity(), a.subject(), a.message(), a.latDeg(), a.lonDeg(),
                    by.toString(), clock.instant(), a.params());
            alerts.put(id, acked);
            record(acked.json());
        }
        audit.append(by.toString(), "acknowledged alert", acked.kind().startsWith("NEW_") || acked.kind().startsWith("TRACK_")
                ? "" : acked.subject(), "alert " + id + " " + acked.kind() + ": " + acked.message(), "OK");
        listeners.forEach(Runnable::run);
        return Optional.of(acked);
    }

    /** Up to {@code max} changes from {@code cursor} on. */
    public synchronized Page since(long cursor, int max) {
        long oldest = Math.max(0, nextChange - capacity);
        long from = Math.max(cursor, oldest);
        List<String> out = new ArrayList<>();
        long c = from;
        for (; c < nextChange && out.size() < max; c++) {
            out.add(ring[(int) (c % capacity)]);
        }
        return new Page(out, c, from - cursor);
    }

    /** Where a new reader starts: the oldest change still kept, so it sees the retained history. */
    public synchronized long oldestCursor() {
        return Math.max(0, nextChange - capacity);
    }

    public synchronized Optional<Alert> get(long id) {
        return Optional.ofNullable(alerts.get(id));
    }

    /** {@code r} runs after every change, on the changing thread: it must only schedule work. */
    public AutoCloseable onChange(Runnable r) {
        listeners.add(r);
        return () -> listeners.remove(r);
    }

    private void record(String json) {
        ring[(int) (nextChange % capacity)] = json;
        nextChange++;
    }
}
