package org.skyfleet.fleet.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * The drone to send: of those that pass {@link ResponderRules}, the one over the scene first (climb plus
 * straight-line flight at its own cruise speed; ties to the larger battery). When none passes, the refusals of
 * every drone, nearest first, so the timeline can say why.
 */
public record ResponderChoice(Optional<Responder> chosen, List<Refusal> refusals) {

    public static ResponderChoice of(List<Responder> free, GeoPoint scene, CallConditions conditions, ResponsePolicy policy) {
        List<Responder> byDistance = new ArrayList<>(free);
        byDistance.sort(Comparator.comparingDouble(r -> GreatCircle.distanceM(r.position(), scene)));
        List<Refusal> refusals = new ArrayList<>();
        Responder best = null;
        double bestS = Double.POSITIVE_INFINITY;
        for (Responder r : byDistance) {
            List<Refusal> broken = ResponderRules.check(r, scene, conditions, policy);
            if (!broken.isEmpty()) {
                refusals.addAll(broken);
                continue;
            }
            double s = r.secondsTo(scene, policy.altitudeRelM(), GreatCircle.distanceM(r.position(), scene));
            if (s < bestS || (s == bestS && best != null && r.batteryPercent() > best.batteryPercent())) {
                best = r;
                bestS = s;
            }
        }
        if (free.isEmpty()) {
            refusals.add(Refusal.of(Refusal.Rule.NO_DRONE, "no drone is free"));
        }
        return new ResponderChoice(Optional.ofNullable(best), best == null ? List.copyOf(refusals) : List.of());
    }
}
