package org.skyfleet.fleet.response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a call gets no drone, or why one drone may not fly it.
 *
 * @param rule   which rule refused
 * @param text   the reason in English, for the journal and the API
 * @param params the reason's figures by name, for the console to say it in its language
 */
public record Refusal(Rule rule, String text, Map<String, String> params) {
    /** The rules, each named in the timeline's message code ({@code NOTE_RESPONSE_REFUSED_<RULE>}). */
    public enum Rule {
        /** The scene lies inside a no-fly zone (or outside every zone a drone may fly in). */
        NO_FLY_ZONE,
        /** No route from the drone to the scene keeps clear of the zones. */
        NO_ROUTE,
        /** The scene is farther than the policy's range. */
        OUT_OF_RANGE,
        /** Not battery enough to fly there, hold over the scene and come back with the reserve. */
        BATTERY,
        /** The wind is above what the airframe may fly in. */
        WIND,
        /** It is night and the drone carries no thermal camera: it would see nothing. */
        NIGHT_NO_THERMAL,
        /** No drone is free (every one flying, charging, leased or unlinked). */
        NO_DRONE
    }

    public Refusal {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static Refusal of(Rule rule, String text, Object... namesAndValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            p.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return new Refusal(rule, text, p);
    }

    /** The timeline's message code for this refusal. */
    public String code() {
        return "NOTE_RESPONSE_REFUSED_" + rule.name();
    }
}
