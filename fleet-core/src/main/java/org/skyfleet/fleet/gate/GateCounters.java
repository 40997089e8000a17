package org.skyfleet.fleet.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts each gate's crossings by subject kind over two windows: the last hour (sliding: a crossing counts
 * while it is younger than an hour, [now - 1 h, now]) and today (since local midnight in the deployment's zone,
 * Asia/Shanghai in Ningbo; the count starts afresh at the first crossing or query of a new day). Keeps the
 * latest crossings too, newest last, for a panel to show. The hour's crossings are kept one by one (a busy
 * toll station sees thousands an hour: a few hundred kilobytes); the day's only as counts.
 * Not thread-safe: one thread records and reads, or the caller locks.
 */
public final class GateCounters {
    static final Duration HOUR = Duration.ofHours(1);

    private static final class PerGate {
        final Deque<GateCrossing> hour = new ArrayDeque<>();
        final Map<SubjectKind, GateTally.Counts> today = new EnumMap<>(SubjectKind.class);
        LocalDate day;
    }

    private final ZoneId zone;
    private final int latestKept;
    private final Map<String, PerGate> gates = new HashMap<>();
    private final Deque<GateCrossing> latest = new ArrayDeque<>();

    /**
     * @param zone       the deployment's zone, whose midnight starts "today"
     * @param latestKept how many of the latest crossings (over all gates) to keep for {@link #latest}
     */
    public GateCounters(ZoneId zone, int latestKept) {
        this.zone = zone;
        this.latestKept = latestKept;
    }

    /** Counts a crossing. Crossings come in time order per gate (a late one still counts, in the window it falls in). */
    public void record(GateCrossing c) {
        PerGate g = gates.computeIfAbsent(c.gateId(), k -> new PerGate());
        LocalDate day = LocalDate.ofInstant(c.time(), zone);
        rollDay(g, day);
        if (day.equals(g.day)) {
            g.today.merge(c.kind(), new GateTally.Counts(0, 0).plus(c.direction()), (a, b) -> a.plus(c.direction()));
        }
        g.hour.addLast(c);
        latest.addLast(c);
        while (latest.size() > latestKept) {
            latest.removeFirst();
        }
    }

    /** A gate's counts at {@code now}; zero counts for a gate nothing crossed. */
    public GateTally tally(String gateId, Instant now) {
        PerGate g = gates.get(gateId);
        if (g == null) {
            return new GateTally(Map.of(), Map.of());
        }
        rollDay(g, LocalDate.ofInstant(now, zone));
        Instant from = now.minus(HOUR);
        while (!g.hour.isEmpty() && g.hour.peekFirst().time().isBefore(from)) {
            g.hour.removeFirst();
        }
        Map<SubjectKind, GateTally.Counts> hour = new EnumMap<>(SubjectKind.class);
        for (GateCrossing c : g.hour) {
            if (!c.time().isAfter(now)) {
                hour.merge(c.kind(), new GateTally.Counts(0, 0).plus(c.direction()), (a, b) -> a.plus(c.direction()));
            }
        }
        return new GateTally(hour, g.today);
    }

    /** The latest crossings of the given gates (all of them when null), newest first, at most {@code max}. */
    public List<GateCrossing> latest(Collection<String> gateIds, int max) {
        List<GateCrossing> out = new ArrayList<>();
        var it = latest.descendingIterator();
        while (it.hasNext() && out.size() < max) {
            GateCrossing c = it.next();
            if (gateIds == null || gateIds.contains(c.gateId())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Forgets gates no longer defined. */
    public void retainGates(Collection<String> gateIds) {
        gates.keySet().retainAll(gateIds);
        latest.removeIf(c -> !gateIds.contains(c.gateId()));
    }

    private static void rollDay(PerGate g, LocalDate day) {
        if (g.day == null || day.isAfter(g.day)) {
            g.day = day;
            g.today.clear();
        }
    }
}
