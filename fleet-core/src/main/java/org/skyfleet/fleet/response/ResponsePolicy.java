package org.skyfleet.fleet.response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;

/**
 * Which calls put a drone over the scene, and how it flies there. A missing person is not this policy's: the
 * search automation plans a search for it (its own policy says whether it launches).
 *
 * @param modes           per type and priority; a pair not listed never launches
 * @param approvalTimeout a launch waiting for approval this long is escalated to the commander
 * @param altitudeRelM    transit and orbit altitude above the drone's home, metres: above rooftops and
 *                        cranes of the city, below the 120 m ceiling
 * @param orbitRadiusM    radius of the circle flown round the scene, metres
 * @param orbitSpeedMps   speed along that circle, metres per second
 * @param onSceneRadiusM  a drone this close to the scene (horizontally) is on scene, metres
 * @param maxRangeM       farthest call a drone is sent to, metres in a straight line from where it is
 * @param holdOnSceneS    time over the scene a drone must have battery for, after flying there and before its
 *                        reserve, seconds
 * @param reservePercent  battery kept for the flight home; a drone orbiting reaches relief at this plus what it
 *                        needs to fly home, percent
 */
public record ResponsePolicy(Map<IncidentType, Map<IncidentPriority, LaunchMode>> modes, Duration approvalTimeout,
                             double altitudeRelM, double orbitRadiusM, double orbitSpeedMps, double onSceneRadiusM,
                             double maxRangeM, double holdOnSceneS, double reservePercent) {
    public ResponsePolicy {
        Map<IncidentType, Map<IncidentPriority, LaunchMode>> copy = new EnumMap<>(IncidentType.class);
        modes.forEach((t, byPriority) -> copy.put(t, Map.copyOf(byPriority)));
        modes = Map.copyOf(copy);
    }

    /**
     * Life or a crime in progress launches at once (P1 of every type; P2 suspect, fire, traffic, disaster); the
     * rest waits for a person, but a P3 "other" never flies.
     */
    public static ResponsePolicy defaults() {
        Map<IncidentType, Map<IncidentPriority, LaunchMode>> m = new EnumMap<>(IncidentType.class);
        for (IncidentType t : IncidentType.values()) {
            if (t == IncidentType.MISSING_PERSON) {
                continue;
            }
            boolean urgentP2 = t == IncidentType.SUSPECT || t == IncidentType.FIRE || t == IncidentType.TRAFFIC
                    || t == IncidentType.DISASTER;
            m.put(t, Map.of(IncidentPriority.P1, LaunchMode.AUTO,
                    IncidentPriority.P2, urgentP2 ? LaunchMode.AUTO : LaunchMode.ON_APPROVAL,
                    IncidentPriority.P3, t == IncidentType.OTHER ? LaunchMode.NEVER : LaunchMode.ON_APPROVAL));
        }
        return new ResponsePolicy(m, Duration.ofMinutes(2), 60, 40, 5, 60, 8_000, 600, 25);
    }

    public LaunchMode mode(IncidentType type, IncidentPriority priority) {
        if (type == IncidentType.MISSING_PERSON) {
            return LaunchMode.NEVER;
        }
        return modes.getOrDefault(type, Map.of()).getOrDefault(priority, LaunchMode.NEVER);
    }

    /** This policy with one pair's mode changed. */
    public ResponsePolicy with(IncidentType type, IncidentPriority priority, LaunchMode mode) {
        Map<IncidentType, Map<IncidentPriority, LaunchMode>> m = new EnumMap<>(IncidentType.class);
        modes.forEach((t, p) -> m.put(t, new EnumMap<>(p.isEmpty() ? Map.of(IncidentPriority.P1, LaunchMode.NEVER) : p)));
        m.computeIfAbsent(type, t -> new EnumMap<>(IncidentPriority.class)).put(priority, mode);
        return new ResponsePolicy(m, approvalTimeout, altitudeRelM, orbitRadiusM, orbitSpeedMps, onSceneRadiusM, maxRangeM,
                holdOnSceneS, reservePercent);
    }

    /** Every impossible figure, in a sentence each; empty when the policy is sound. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (modes.containsKey(IncidentType.MISSING_PERSON)) {
            out.add("missing_person is the search automation's (its search policy), not the response policy's");
        }
        if (approvalTimeout == null || approvalTimeout.isNegative() || approvalTimeout.isZero()
                || approvalTimeout.compareTo(Duration.ofHours(1)) > 0) {
            out.add("approval_timeout_s must be 1..3600");
        }
        check(out, "altitude_rel_m", altitudeRelM, 10, 120);
        check(out, "orbit_radius_m", orbitRadiusM, 5, 1000);
        check(out, "orbit_speed_m_s", orbitSpeedMps, 0.5, 20);
        check(out, "on_scene_radius_m", onSceneRadiusM, orbitRadiusM, 2000);
        check(out, "max_range_m", maxRangeM, 100, 100_000);
        check(out, "hold_on_scene_s", holdOnSceneS, 0, 86_400);
        check(out, "reserve_percent", reservePercent, 5, 80);
        return out;
    }

    /**
     * This policy, if sound.
     *
     * @throws IllegalArgumentException listing every impossible figure
     */
    public ResponsePolicy validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("response policy: " + String.join("; ", p));
        }
        return this;
    }

    private static void check(List<String> out, String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            out.add(String.format(Locale.ROOT, "%s %s must be %s..%s", name, v, fmt(min), fmt(max)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
