package org.skyfleet.fleet.airframe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One model of aircraft as the unit flies it.
 *
 * @param profileId          stable id, 1..64 of [A-Za-z0-9._-]
 * @param model              maker and model, e.g. "DJI Matrice 30T"; not blank
 * @param type               multicopter, fixed wing, VTOL or ground robot
 * @param cruiseSpeedMps     planning speed over the ground, metres per second, above 0
 * @param maxSpeedMps        top speed, metres per second, at least the cruise speed
 * @param climbRateMps       climb and descent rate, metres per second, above 0 (0 allowed for ground robots)
 * @param ratedEnduranceS    flight time on a full, new pack as the maker rates it, seconds, above 0
 * @param windLimitMps       strongest wind it may fly in, metres per second, above 0
 * @param payload            camera or payload carried, free text (may be empty)
 * @param autopilot          the autopilot it runs, free text such as "PX4 1.14" (may be empty)
 * @param autopilotVendorId  USB vendor id its AUTOPILOT_VERSION reports, 0 when it is not matched automatically
 * @param autopilotProductId USB product id its AUTOPILOT_VERSION reports, 0 when not matched
 * @param maintenanceIntervalH       flight hours after which maintenance is due, 0 when not counted
 * @param maintenanceIntervalFlights flights after which maintenance is due, 0 when not counted
 */
public record AirframeProfile(String profileId, String model, AirframeType type, double cruiseSpeedMps, double maxSpeedMps,
                              double climbRateMps, double ratedEnduranceS, double windLimitMps, String payload, String autopilot,
                              int autopilotVendorId, int autopilotProductId, double maintenanceIntervalH,
                              int maintenanceIntervalFlights) {
    /** Longest endurance taken seriously: a day. */
    static final double MAX_ENDURANCE_S = 86_400;
    /** Faster than any unit's aircraft is a typo. */
    static final double MAX_SPEED_MPS = 150;

    public AirframeProfile {
        model = model == null ? "" : model.strip();
        payload = payload == null ? "" : payload.strip();
        autopilot = autopilot == null ? "" : autopilot.strip();
    }

    /** Whether this profile claims vehicles whose autopilot reports these ids. */
    public boolean matchesAutopilot(int vendorId, int productId) {
        return autopilotVendorId != 0 && autopilotVendorId == vendorId && autopilotProductId == productId;
    }

    /** Every figure that is impossible, in a sentence each; empty when the profile is sound. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (profileId == null || !profileId.matches("[A-Za-z0-9._-]{1,64}")) {
            out.add("profile id '" + profileId + "' must be 1..64 letters, digits, '.', '_' or '-'");
        }
        if (model.isEmpty()) {
            out.add("model is required");
        }
        if (type == null) {
            out.add("type is required (multicopter, fixed wing, VTOL or ground robot)");
        }
        if (!(cruiseSpeedMps > 0 && cruiseSpeedMps <= MAX_SPEED_MPS)) {
            out.add(figure("cruise speed", cruiseSpeedMps, "m/s", "must be above 0 and at most " + (int) MAX_SPEED_MPS));
        }
        if (!(maxSpeedMps >= cruiseSpeedMps && maxSpeedMps <= MAX_SPEED_MPS)) {
            out.add(figure("maximum speed", maxSpeedMps, "m/s", "must be at least the cruise speed and at most " + (int) MAX_SPEED_MPS));
        }
        boolean ground = type == AirframeType.GROUND_ROBOT;
        if (!(ground ? climbRateMps >= 0 && climbRateMps <= 50 : climbRateMps > 0 && climbRateMps <= 50)) {
            out.add(figure("climb rate", climbRateMps, "m/s", ground ? "must be 0..50" : "must be above 0 and at most 50"));
        }
        if (!(ratedEnduranceS > 0 && ratedEnduranceS <= MAX_ENDURANCE_S)) {
            out.add(figure("rated endurance", ratedEnduranceS, "s", "must be above 0 and at most a day (86400 s)"));
        }
        if (!(windLimitMps > 0 && windLimitMps <= 60)) {
            out.add(figure("wind limit", windLimitMps, "m/s", "must be above 0 and at most 60"));
        }
        if (autopilotVendorId < 0 || autopilotVendorId > 0xFFFF || autopilotProductId < 0 || autopilotProductId > 0xFFFF) {
            out.add("autopilot vendor and product ids must be 0..65535");
        } else if (autopilotVendorId == 0 && autopilotProductId != 0) {
            out.add("an autopilot product id needs its vendor id");
        }
        if (!(maintenanceIntervalH >= 0 && maintenanceIntervalH <= 100_000) || maintenanceIntervalFlights < 0) {
            out.add(figure("maintenance interval", maintenanceIntervalH, "h", "and its flights " + maintenanceIntervalFlights
                    + " must be 0 (not counted) or more"));
        }
        if (model.length() > 200 || payload.length() > 200 || autopilot.length() > 200) {
            out.add("model, payload and autopilot are at most 200 characters each");
        }
        return out;
    }

    /**
     * This profile, if sound.
     *
     * @throws IllegalArgumentException listing every impossible figure
     */
    public AirframeProfile validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("airframe profile '" + profileId + "': " + String.join("; ", p));
        }
        return this;
    }

    private static String figure(String name, double value, String unit, String rule) {
        return String.format(Locale.ROOT, "%s %s %s %s", name, Double.isNaN(value) ? "NaN" : String.valueOf(value), unit, rule);
    }
}
