package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Watches vehicle states against the zones and emits edge-triggered {@link GeofenceEvent}s per
 * (vehicle, zone): {@code PREDICTED_BREACH} when a breach first appears within the horizon,
 * {@code BREACH} when the zone is first broken, {@code CLEARED} when a reported (predicted) breach is
 * over. An unchanged situation emits nothing, however often the vehicle reports; a change of reason
 * while breached is not a new event.
 *
 * <p>Feed it every state change of every vehicle (it ignores states without a position). Updates of
 * one vehicle are serialised; different vehicles may be fed from different threads. Events are handed
 * to the sink outside any lock, on the feeding thread.
 */
public final class GeofenceMonitor {
    private final Supplier<ZoneIndex> zones;
    private final BreachPredictor predictor;
    private final InstantSource clock;
    private final Consumer<GeofenceEvent> sink;
    private final ConcurrentHashMap<String, Map<String, Standing>> standings = new ConcurrentHashMap<>();

    /**
     * @param zones     the current index, read on every update (e.g. {@code geofences::index})
     * @param predictor breach prediction and its horizon
     * @param clock     the time schedules are evaluated at and events are stamped with
     * @param sink      receives every event
     */
    public GeofenceMonitor(Supplier<ZoneIndex> zones, BreachPredictor predictor, InstantSource clock,
                           Consumer<GeofenceEvent> sink) {
        this.zones = Objects.requireNonNull(zones, "zones");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Checks the vehicle's newest position and emits what changed. */
    public void onState(VehicleState state) {
        PositionSample pos = state.position();
        if (pos == null) {
            return;
        }
        Instant now = clock.instant();
        FlightPoint p = new FlightPoint(pos.latDeg(), pos.lonDeg(), pos.altRelM(), pos.altAmslM());
        ZoneIndex index = zones.get();
        String id = state.vehicleId();
        List<ZoneBreach> current = index.check(id, state.identity().kind(), p, now);
        List<PredictedBreach> ahead = predictor.predict(index, id, state.identity().kind(), p,
                pos.vNorthMps(), pos.vEastMps(), pos.vDownMps(), now);
        List<GeofenceEvent> events = new ArrayList<>();
        standings.compute(id, (k, previous) -> {
            Map<String, Standing> next = update(previous == null ? Map.of() : previous, current, ahead,
                    new Emitter(id, p, now, events));
            return next.isEmpty() ? null : next;
        });
        events.forEach(sink);
    }

    /** Forgets a vehicle (removed from the fleet) without emitting anything. */
    public void forget(String vehicleId) {
        standings.remove(vehicleId);
    }

    private static Map<String, Standing> update(Map<String, Standing> previous, List<ZoneBreach> current,
                                                List<PredictedBreach> ahead, Emitter emit) {
        Map<String, Standing> next = new HashMap<>();
        for (ZoneBreach b : current) {
            Standing was = previous.get(b.zone().id());
            if (was == null || was.type != GeofenceEventType.BREACH) {
                emit.breach(b);
            }
            next.putIfAbsent(b.zone().id(), new Standing(GeofenceEventType.BREACH, b.zone(), b.reason()));
        }
        for (PredictedBreach b : ahead) {
            String zoneId = b.zone().id();
            if (next.containsKey(zoneId)) {
                continue;
            }
            Standing was = previous.get(zoneId);
            if (was != null && was.type == GeofenceEventType.BREACH) {
                emit.cleared(was);
            }
            if (was == null || was.type == GeofenceEventType.BREACH) {
                emit.predicted(b);
            }
            next.put(zoneId, new Standing(GeofenceEventType.PREDICTED_BREACH, b.zone(), b.reason()));
        }
        for (Iterator<Map.Entry<String, Standing>> it = previous.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Standing> e = it.next();
            if (!next.containsKey(e.getKey())) {
                emit.cleared(e.getValue());
            }
        }
        return next;
    }

    private record Standing(GeofenceEventType type, Zone zone, BreachReason reason) {
    }

    private record Emitter(String vehicleId, FlightPoint p, Instant now, List<GeofenceEvent> out) {
        void breach(ZoneBreach b) {
            out.add(new GeofenceEvent(GeofenceEventType.BREACH, vehicleId, b.zone(), b.reason(), Double.NaN,
                    Double.NaN, p, now, String.format(Locale.ROOT, "%s is %s at %.6f, %.6f, %.0f m above home; policy %s",
                    vehicleId, ZoneBreach.describe(b.zone(), b.reason()), p.latDeg(), p.lonDeg(), p.altRelM(),
                    b.zone().policy())));
        }

        void predicted(PredictedBreach b) {
            out.add(new GeofenceEvent(GeofenceEventType.PREDICTED_BREACH, vehicleId, b.zone(), b.reason(),
                    b.timeToBreachS(), b.distanceToBreachM(), p, now, String.format(Locale.ROOT,
                    "%s will be %s in %.1f s (%.0f m) at its present velocity; policy %s", vehicleId,
                    ZoneBreach.describe(b.zone(), b.reason()), b.timeToBreachS(), b.distanceToBreachM(),
                    b.zone().policy())));
        }

        void cleared(Standing was) {
            out.add(new GeofenceEvent(GeofenceEventType.CLEARED, vehicleId, was.zone(), was.reason(), Double.NaN,
                    Double.NaN, p, now, vehicleId + " is no longer "
                    + (was.type() == GeofenceEventType.BREACH ? "" : "heading to be ")
                    + ZoneBreach.describe(was.zone(), was.reason())));
        }
    }
}
