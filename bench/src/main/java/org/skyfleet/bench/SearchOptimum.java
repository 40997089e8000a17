package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.search.OptimalEffort;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SubjectMobility;

/**
 * What the drones of a benchmark run could do at best in the hour, whatever the allocation: their search effort
 * and {@link OptimalEffort}'s bound on it, and the drone time they could fly.
 *
 * <p>Each drone flies sortie k from k · (budget + swap) for min(budget, cap − start) seconds (budget: the usable
 * flight time less the reserve, as {@link BenchDrone} flies it), of which all but the climb and descent count as
 * search at the cruise speed and its camera's W (transit, turns and the way home are ignored, so no real
 * allocation reaches the bound). Effort Z = Σ search seconds · speed · W.
 *
 * @param stationaryPos Charnes–Cooper optimum of Z over the initial map: the best POS against a subject who stands
 *     still
 * @param movingUpperBound {@link OptimalEffort#unionBound} over the sortie windows, the map diffused to each
 *     window's start: an upper bound for the moving subject if he is taken as still within a window (loose)
 * @param availableDroneS Σ over drones of the airborne seconds the sortie pattern allows within the cap
 * @param effortM2 Z, square metres
 */
record SearchOptimum(double stationaryPos, double movingUpperBound, double availableDroneS, double effortM2) {

    static SearchOptimum of(ProbabilityMap initial, SubjectMobility mobility, double[] effectiveSweepWidthM,
                            double budgetS, int swapS, double climbAndDescentS, double speedMps, int capS) {
        List<ProbabilityMap> maps = new ArrayList<>();
        List<Double> efforts = new ArrayList<>();
        double available = 0, total = 0;
        for (int k = 0; k * (budgetS + swapS) < capS; k++) {
            double start = k * (budgetS + swapS);
            double airborne = Math.min(budgetS, capS - start);
            double searchS = Math.max(0, airborne - climbAndDescentS);
            double z = 0;
            for (double w : effectiveSweepWidthM) {
                available += airborne;
                z += searchS * speedMps * w;
            }
            maps.add(initial.diffused(mobility, start));
            efforts.add(z);
            total += z;
        }
        double stationary = OptimalEffort.allocate(initial, total).pos();
        double moving = OptimalEffort.unionBound(maps, efforts.stream().mapToDouble(Double::doubleValue).toArray());
        return new SearchOptimum(stationary, moving, available, total);
    }
}
