package org.skyfleet.fleet.airframe;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Learns how fast each vehicle uses its battery in the air, from its battery reports: between two reports in
 * flight, the charge used goes to the phase it was flying (hover, cruise, climb). Time is the vehicle's own
 * (its time since boot), so a simulator running faster than real time teaches the same figures, and a link's
 * delays do not stretch a flight. The figures are
 * those of its last {@value #FLIGHTS_KEPT} landed flights and the one in progress, so a pack that ages or a
 * new payload shows within a few flights. Whole-percent reports (SYS_STATUS, BATTERY_STATUS) are exact over
 * minutes because the sums run over whole flights.
 *
 * <p>Bounded: per vehicle {@value #FLIGHTS_KEPT} flights of six numbers. Thread-safe; each vehicle's
 * figures are updated under its own lock, cheaply, on the link's thread.
 */
public final class ConsumptionLearner {
    /** Landed flights remembered per vehicle. */
    public static final int FLIGHTS_KEPT = 5;
    /** Flight, seconds, before the air figure is trusted. */
    public static final double MIN_AIRBORNE_S = 120;
    /** Flight in one phase, seconds, before its figure is reported. */
    static final double MIN_PHASE_S = 30;
    /** Battery reports further apart than this (a link outage), milliseconds of the vehicle's time, are not joined. */
    static final long MAX_GAP_MS = 10_000;
    /** A flight shorter than this (a hop, a test lift) is not remembered. */
    static final double MIN_FLIGHT_S = 30;

    private final Map<String, Learning> byVehicle = new ConcurrentHashMap<>();

    /**
     * Takes one battery report of a vehicle.
     *
     * @param percent        its charge, 0..100 (NaN is ignored)
     * @param vehicleTimeMs  when, on the vehicle's clock (time since boot), milliseconds; a smaller value than the
     *                       last (a reboot) starts afresh
     * @param state          the vehicle as last known: in the air or not, and how it moves
     */
    public void onBattery(String vehicleId, double percent, long vehicleTimeMs, VehicleState state) {
        if (Double.isNaN(percent) || state == null) {
            return;
        }
        Learning l = byVehicle.computeIfAbsent(vehicleId, id -> new Learning());
        synchronized (l) {
            l.take(percent, vehicleTimeMs, airborne(state), FlightPhase.of(state.motion()));
        }
    }

    /** The vehicle's figures, if it was ever seen flying. */
    public Optional<Consumption> of(String vehicleId) {
        Learning l = byVehicle.get(vehicleId);
        if (l == null) {
            return Optional.empty();
        }
        synchronized (l) {
            return l.airborneS() == 0 ? Optional.empty() : Optional.of(l.consumption());
        }
    }

    /** Whether the vehicle is in the air: by its landed state, or (when it does not say) armed and above 1 m. */
    public static boolean airborne(VehicleState s) {
        LandedState landed = s.status().landedState();
        if (landed == LandedState.IN_AIR || landed == LandedState.TAKING_OFF || landed == LandedState.LANDING) {
            return true;
        }
        return landed == LandedState.UNKNOWN && s.status().armed() && s.position() != null && s.position().altRelM() > 1;
    }

    /** One vehicle's sums: percent used and seconds flown per phase, for the flight in progress and those kept. */
    private static final class Learning {
        private final ArrayDeque<double[]> landed = new ArrayDeque<>();
        private double[] current = new double[2 * FlightPhase.values().length];
        private double lastPercent = Double.NaN;
        private long lastAtMs = Long.MIN_VALUE;
        private boolean lastAirborne;
        private FlightPhase lastPhase = FlightPhase.HOVER;

        void take(double percent, long atMs, boolean airborne, FlightPhase phase) {
            if (atMs == lastAtMs) {
                return;
            }
            if (lastAirborne && airborne && atMs > lastAtMs && atMs - lastAtMs <= MAX_GAP_MS) {
                double used = lastPercent - percent;
                double dtS = (atMs - lastAtMs) / 1000.0;
                if (used >= -0.5) { // a rise is a swap or a recalibration, not flight: skipped
                    int i = lastPhase.ordinal();
                    current[2 * i] += Math.max(0, used);
                    current[2 * i + 1] += dtS;
                }
            }
            if (lastAirborne && !airborne) {
                land();
            }
            lastPercent = percent;
            lastAtMs = atMs;
            lastAirborne = airborne;
            lastPhase = phase;
        }

        private void land() {
            if (seconds(current) >= MIN_FLIGHT_S) {
                landed.addLast(current);
                while (landed.size() > FLIGHTS_KEPT) {
                    landed.removeFirst();
                }
            }
            current = new double[current.length];
        }

        double airborneS() {
            double s = seconds(current);
            for (double[] f : landed) {
                s += seconds(f);
            }
            return s;
        }

        Consumption consumption() {
            double[] sum = current.clone();
            for (double[] f : landed) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += f[i];
                }
            }
            Map<FlightPhase, Double> rates = new EnumMap<>(FlightPhase.class);
            double used = 0;
            double flown = 0;
            for (FlightPhase p : FlightPhase.values()) {
                int i = p.ordinal();
                used += sum[2 * i];
                flown += sum[2 * i + 1];
                if (sum[2 * i + 1] >= MIN_PHASE_S) {
                    rates.put(p, sum[2 * i] / sum[2 * i + 1]);
                }
            }
            double air = flown >= MIN_AIRBORNE_S && used > 0 ? used / flown : Double.NaN;
            return new Consumption(rates, air, flown, landed.size());
        }

        private static double seconds(double[] f) {
            double s = 0;
            for (int i = 1; i < f.length; i += 2) {
                s += f[i];
            }
            return s;
        }
    }
}
