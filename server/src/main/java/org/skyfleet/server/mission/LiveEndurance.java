package org.skyfleet.server.mission;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skyfleet.fleet.airframe.Endurance;
import org.skyfleet.fleet.airframe.EnduranceSource;
import org.skyfleet.planner.VehicleProfile;

/**
 * Puts what the server knows of a live vehicle's aircraft into a plan request's vehicle: its profile's speed
 * and climb where the caller left them unset, and the endurance and charge it may count on now, which a
 * caller's larger figures never exceed. Each correction is said in a note, which goes with the plan (or
 * with its refusal).
 */
final class LiveEndurance {
    /** A vehicle as planned, and what was corrected. */
    record Applied(VehicleProfile profile, List<String> notes) {
    }

    private final EnduranceSource source;

    LiveEndurance(EnduranceSource source) {
        this.source = source;
    }

    /**
     * @param batteryGiven whether the caller set the charge
     * @throws IllegalArgumentException when the caller's cruise speed is above the profile's top speed
     */
    Applied apply(VehicleProfile v, boolean batteryGiven) {
        if (v.id() == null || v.id().isEmpty()) {
            return new Applied(v, List.of());
        }
        Endurance e = source.of(v.id()).orElse(null);
        if (e == null) {
            return new Applied(v, List.of());
        }
        List<String> notes = new ArrayList<>();
        double cruise = v.cruiseSpeedMps() > 0 || Double.isNaN(e.cruiseSpeedMps()) ? v.cruiseSpeedMps() : e.cruiseSpeedMps();
        if (cruise > e.maxSpeedMps()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "vehicle '%s': cruise speed %.1f m/s is above the %.1f m/s top speed of its airframe profile %s",
                    v.id(), cruise, e.maxSpeedMps(), e.profileId()));
        }
        double climb = v.climbRateMps() > 0 || Double.isNaN(e.climbRateMps()) ? v.climbRateMps() : e.climbRateMps();
        double endurance = v.enduranceS();
        if (!(endurance > 0) || endurance > e.fullPackS()) {
            if (endurance > 0) {
                notes.add(String.format(Locale.ROOT, "vehicle '%s': planned with %.0f s a full pack, not the %.0f s asked",
                        v.id(), e.fullPackS(), endurance));
            }
            endurance = e.fullPackS();
        }
        double battery = v.batteryPercent();
        if (!Double.isNaN(e.availableS()) && e.fullPackS() > 0) {
            double now = Math.max(0, Math.min(100, 100 * e.availableS() / e.fullPackS()));
            battery = batteryGiven ? Math.min(battery, now) : now;
        }
        notes.add("vehicle '" + v.id() + "': " + e.basis());
        return new Applied(new VehicleProfile(v.id(), v.kind(), v.start(), v.home(), cruise, climb, endurance, battery), notes);
    }
}
