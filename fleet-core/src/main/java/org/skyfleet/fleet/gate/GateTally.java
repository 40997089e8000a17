package org.skyfleet.fleet.gate;

import java.util.Map;

/**
 * A gate's counts at one moment, by what crossed.
 *
 * @param lastHour crossings in the hour up to the moment, by subject kind (kinds with none are absent)
 * @param today    crossings since the start of the local day (in the deployment's zone), by subject kind
 */
public record GateTally(Map<SubjectKind, Counts> lastHour, Map<SubjectKind, Counts> today) {
    /** Crossings in and out. */
    public record Counts(long in, long out) {
        Counts plus(CrossingDirection d) {
            return d == CrossingDirection.IN ? new Counts(in + 1, out) : new Counts(in, out + 1);
        }
    }

    public GateTally {
        lastHour = Map.copyOf(lastHour);
        today = Map.copyOf(today);
    }

    /** In and out over every kind in the last hour. */
    public Counts lastHourTotal() {
        return total(lastHour);
    }

    /** In and out over every kind today. */
    public Counts todayTotal() {
        return total(today);
    }

    private static Counts total(Map<SubjectKind, Counts> m) {
        long in = 0;
        long out = 0;
        for (Counts c : m.values()) {
            in += c.in();
            out += c.out();
        }
        return new Counts(in, out);
    }
}
