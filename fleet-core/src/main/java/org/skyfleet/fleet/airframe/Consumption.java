package org.skyfleet.fleet.airframe;

import java.util.Map;

/**
 * What a vehicle's battery was seen to give over its recent flights.
 *
 * @param percentPerS     charge used per second of each phase flown long enough to count, percent per second
 * @param airbornePercentPerS charge used per second in the air, all phases as flown, percent per second; NaN
 *                        until {@link ConsumptionLearner#MIN_AIRBORNE_S} of flight were seen
 * @param airborneS       seconds of flight the figures come from
 * @param flights         landed flights they come from (the one in progress not counted)
 */
public record Consumption(Map<FlightPhase, Double> percentPerS, double airbornePercentPerS, double airborneS, int flights) {
    public Consumption {
        percentPerS = Map.copyOf(percentPerS);
    }

    /**
     * Whether the air figure rests on enough flight to plan with: at least one landed flight (a flight in
     * progress has flown only part of its mix: the way out, downwind perhaps) and enough seconds in the air.
     */
    public boolean learned() {
        return airbornePercentPerS > 0 && flights >= 1;
    }

    /** Flight time a full pack gives as this vehicle flies, seconds; NaN when not learned. */
    public double fullPackS() {
        return learned() ? 100 / airbornePercentPerS : Double.NaN;
    }

    /** Percent per minute in a phase, NaN when that phase was not flown long enough. */
    public double percentPerMin(FlightPhase phase) {
        Double r = percentPerS.get(phase);
        return r == null ? Double.NaN : 60 * r;
    }
}
