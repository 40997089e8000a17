package org.skyfleet.fleet.vessel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.vessel.SeaGateAlert.Kind;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The sea gate's rules, evaluated on every vessel update ({@link #onVessel}) and on a clock tick ({@link
 * #tick}):
 * <ul>
 *   <li>leaving or entering: a position outside a sea-gate zone after one inside it (or the reverse) while the
 *       zone's schedule, its permitted hours, is not active;</li>
 *   <li>going dark: a vessel last heard under way (at least {@code underWayMps}) outside port, silent for
 *       {@code darkAfter}; raised once per silence;</li>
 *   <li>loitering: a vessel inside a vessel-exclusion zone for {@code loiterAfter} without leaving; raised once
 *       per stay.</li>
 * </ul>
 * Not thread-safe: one thread calls it (the sea gate's rule thread). The first position of a vessel only sets
 * where it is; a crossing needs two.
 */
public final class SeaGateRules {
    /** Tunables; {@link #defaults()}: 1 knot, 10 minutes dark, 15 minutes loitering. */
    public record Limits(double underWayMps, Duration darkAfter, Duration loiterAfter) {
        public static Limits defaults() {
            return new Limits(1852.0 / 3600, Duration.ofMinutes(10), Duration.ofMinutes(15));
        }
    }

    private static final class Watch {
        Set<String> inGates = null; // null until the first position
        final Map<String, Instant> inExclusionSince = new HashMap<>();
        final Set<String> loiterRaised = new HashSet<>();
        Instant darkRaisedFor; // the last-heard time the dark alert was raised for
    }

    private final Supplier<SeaGateZones> zones;
    private final Limits limits;
    private final Map<Long, Watch> watches = new HashMap<>();
    private long nextAlert = 1;

    public SeaGateRules(Supplier<SeaGateZones> zones, Limits limits) {
        this.zones = zones;
        this.limits = limits;
    }

    /** Rules that a vessel update can break at once (crossings); also keeps where each vessel is. */
    public List<SeaGateAlert> onVessel(Vessel v, Instant now) {
        if (!v.hasPosition()) {
            return List.of();
        }
        SeaGateZones z = zones.get();
        Watch w = watches.computeIfAbsent(v.mmsi(), k -> new Watch());
        Set<String> inside = new HashSet<>();
        for (SeaGateZones.Compiled g : z.gates()) {
            if (g.contains(v.latDeg(), v.lonDeg())) {
                inside.add(g.zone().id());
            }
        }
        List<SeaGateAlert> out = new ArrayList<>();
        if (w.inGates != null) {
            for (SeaGateZones.Compiled g : z.gates()) {
                Zone zone = g.zone();
                boolean was = w.inGates.contains(zone.id());
                boolean is = inside.contains(zone.id());
                if (was != is && !zone.isActiveAt(now)) {
                    Kind kind = is ? Kind.ENTERED_OUTSIDE_HOURS : Kind.LEFT_OUTSIDE_HOURS;
                    out.add(alert(kind, v, zone.id(), now, String.format(Locale.ROOT, "%s %s %s outside its permitted hours",
                            name(v), is ? "entered" : "left", zone.name())));
                }
            }
        }
        w.inGates = inside;
        for (SeaGateZones.Compiled x : z.exclusions()) {
            String id = x.zone().id();
            if (x.contains(v.latDeg(), v.lonDeg())) {
                w.inExclusionSince.putIfAbsent(id, v.positionTime());
            } else {
                w.inExclusionSince.remove(id);
                w.loiterRaised.remove(id);
            }
        }
        if (w.darkRaisedFor != null && v.lastHeard().isAfter(w.darkRaisedFor)) {
            w.darkRaisedFor = null; // heard again: the next silence is a new one
        }
        return out;
    }

    /** Rules that time breaks: going dark, loitering. Vessels no longer given (forgotten) are forgotten here too. */
    public List<SeaGateAlert> tick(Iterable<Vessel> vessels, Instant now) {
        SeaGateZones z = zones.get();
        List<SeaGateAlert> out = new ArrayList<>();
        Set<Long> given = new HashSet<>();
        for (Vessel v : vessels) {
            given.add(v.mmsi());
            Watch w = watches.get(v.mmsi());
            if (w == null || !v.hasPosition()) {
                continue;
            }
            boolean underWay = !Double.isNaN(v.speedMps()) && v.speedMps() >= limits.underWayMps();
            Duration silent = Duration.between(v.lastHeard(), now);
            if (underWay && silent.compareTo(limits.darkAfter()) >= 0 && w.darkRaisedFor == null
                    && !z.inPort(v.latDeg(), v.lonDeg())) {
                w.darkRaisedFor = v.lastHeard();
                out.add(alert(Kind.WENT_DARK, v, "", now, String.format(Locale.ROOT,
                        "%s silent for %d min while under way at %.1f kn, last heard at %.5f, %.5f", name(v), silent.toMinutes(),
                        v.speedMps() * 3600 / 1852, v.latDeg(), v.lonDeg())));
            }
            for (Map.Entry<String, Instant> e : w.inExclusionSince.entrySet()) {
                if (!w.loiterRaised.contains(e.getKey()) && Duration.between(e.getValue(), now).compareTo(limits.loiterAfter()) >= 0) {
                    w.loiterRaised.add(e.getKey());
                    String zoneName = z.exclusions().stream().filter(c -> c.zone().id().equals(e.getKey())).findFirst()
                            .map(c -> c.zone().name()).orElse(e.getKey());
                    out.add(alert(Kind.LOITERING, v, e.getKey(), now, String.format(Locale.ROOT,
                            "%s in %s for %d min", name(v), zoneName, Duration.between(e.getValue(), now).toMinutes())));
                }
            }
        }
        watches.keySet().retainAll(given); // bounded by the registry's bound
        return out;
    }

    /** Vessels whose whereabouts the rules keep. */
    public int watchedCount() {
        return watches.size();
    }

    private SeaGateAlert alert(Kind kind, Vessel v, String zoneId, Instant now, String detail) {
        GeoPoint last = new GeoPoint(v.latDeg(), v.lonDeg());
        GeoPoint predicted = kind == Kind.WENT_DARK ? DeadReckoning.predict(v, now) : last;
        return new SeaGateAlert("sga-" + nextAlert++, kind, v.mmsi(), v.name(), zoneId, now, last, predicted, detail);
    }

    private static String name(Vessel v) {
        return (v.name().isEmpty() ? "vessel" : v.name()) + " (MMSI " + v.mmsi() + ")";
    }
}
