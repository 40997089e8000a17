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
 * The response policy as an administrator writes it: one {@code name = value} a line, {@code #} comments.
 * Figures by their names in {@link ResponsePolicy} ({@code altitude_rel_m = 60}); a launch mode as
 * {@code traffic.p1 = auto} ({@code auto}, {@code on_approval} or {@code never}). What the file leaves out
 * keeps the default. Every mistake is reported with its line, all at once.
 */
public final class ResponsePolicyFile {
    private ResponsePolicyFile() {
    }

    /**
     * @throws IllegalArgumentException naming every line that is not a setting, and every impossible figure
     */
    public static ResponsePolicy parse(String text) {
        ResponsePolicy d = ResponsePolicy.defaults();
        Map<IncidentType, Map<IncidentPriority, LaunchMode>> modes = new EnumMap<>(IncidentType.class);
        d.modes().forEach((t, p) -> modes.put(t, new EnumMap<>(p)));
        double[] f = {d.approvalTimeout().toSeconds(), d.altitudeRelM(), d.orbitRadiusM(), d.orbitSpeedMps(), d.onSceneRadiusM(),
                d.maxRangeM(), d.holdOnSceneS(), d.reservePercent()};
        List<String> names = List.of("approval_timeout_s", "altitude_rel_m", "orbit_radius_m", "orbit_speed_m_s",
                "on_scene_radius_m", "max_range_m", "hold_on_scene_s", "reserve_percent");
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                errors.add("line " + (n + 1) + ": expected name = value, got '" + line + "'");
                continue;
            }
            String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            int dot = name.indexOf('.');
            try {
                if (dot > 0) {
                    IncidentType type = IncidentType.valueOf(name.substring(0, dot).toUpperCase(Locale.ROOT));
                    IncidentPriority priority = IncidentPriority.valueOf(name.substring(dot + 1).toUpperCase(Locale.ROOT));
                    LaunchMode mode = LaunchMode.valueOf(value.toUpperCase(Locale.ROOT));
                    modes.computeIfAbsent(type, t -> new EnumMap<>(IncidentPriority.class)).put(priority, mode);
                } else if (names.contains(name)) {
                    f[names.indexOf(name)] = Double.parseDouble(value);
                } else {
                    errors.add("line " + (n + 1) + ": unknown setting '" + name + "' (one of " + names
                            + ", or type.priority = auto|on_approval|never)");
                }
            } catch (IllegalArgumentException e) {
                errors.add("line " + (n + 1) + ": '" + line + "' is not a setting: a type (suspect, traffic, disaster, fire,"
                        + " disturbance, other), a priority (p1..p3) and a mode (auto, on_approval, never), or a number");
            }
        }
        ResponsePolicy p = new ResponsePolicy(modes, Duration.ofMillis(Math.round(f[0] * 1000)), f[1], f[2], f[3], f[4], f[5], f[6],
                f[7]);
        errors.addAll(p.problems());
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("response policy: " + String.join("; ", errors));
        }
        return p;
    }

    /** The policy in the file's own form, every setting written (reading it back gives the same policy). */
    public static String format(ResponsePolicy p) {
        StringBuilder b = new StringBuilder("# SkyFleet response policy\n");
        b.append(String.format(Locale.ROOT, "approval_timeout_s = %d%naltitude_rel_m = %s%norbit_radius_m = %s%n"
                        + "orbit_speed_m_s = %s%non_scene_radius_m = %s%nmax_range_m = %s%nhold_on_scene_s = %s%nreserve_percent = %s%n",
                p.approvalTimeout().toSeconds(), p.altitudeRelM(), p.orbitRadiusM(), p.orbitSpeedMps(), p.onSceneRadiusM(),
                p.maxRangeM(), p.holdOnSceneS(), p.reservePercent()));
        for (IncidentType t : IncidentType.values()) {
            for (IncidentPriority pr : IncidentPriority.values()) {
                if (t != IncidentType.MISSING_PERSON) {
                    b.append(t.name().toLowerCase(Locale.ROOT)).append('.').append(pr.name().toLowerCase(Locale.ROOT))
                            .append(" = ").append(p.mode(t, pr).name().toLowerCase(Locale.ROOT)).append('\n');
                }
            }
        }
        return b.toString();
    }
}
