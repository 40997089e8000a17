package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The solver agrees with trying every matching, on random matrices up to 6 x 6. */
class HungarianPropertiesTest {

    @Property(tries = 400)
    void matchesBruteForceOptimum(@ForAll("matrices") double[][] cost) {
        int[] rowToCol = Hungarian.solve(cost);

        Set<Integer> usedCols = new HashSet<>();
        for (int i = 0; i < rowToCol.length; i++) {
            if (rowToCol[i] >= 0) {
                assertThat(usedCols.add(rowToCol[i])).as("column used twice").isTrue();
                assertThat(cost[i][rowToCol[i]]).as("forbidden pair assigned").isFinite();
            }
        }
        double[] best = bruteForce(cost, 0, new boolean[cost[0].length]);
        double[] got = score(cost, rowToCol);
        assertThat(got[0]).as("matched pairs").isEqualTo(best[0]);
        assertThat(got[1]).as("total cost").isCloseTo(best[1], offset(1e-9));
    }

    @Test
    void emptyAndDegenerateMatrices() {
        assertThat(Hungarian.solve(new double[0][0])).isEmpty();
        assertThat(Hungarian.solve(new double[][] {{}, {}})).containsExactly(-1, -1);
        double inf = Double.POSITIVE_INFINITY;
        assertThat(Hungarian.solve(new double[][] {{inf, inf}})).containsExactly(-1);
    }

    @Test
    void globalOptimumBeatsGreedy() {
        // Greedy takes (0,0)=1 and is left with (1,1)=10; the optimum is 2 + 2.
        assertThat(Hungarian.solve(new double[][] {{1, 2}, {2, 10}})).containsExactly(1, 0);
    }

    @Provide
    Arbitrary<double[][]> matrices() {
        Arbitrary<Double> entry = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.doubles().between(-50, 100).ofScale(3)),
                Tuple.of(1, Arbitraries.just(Double.POSITIVE_INFINITY)));
        return Arbitraries.integers().between(1, 6).flatMap(rows -> Arbitraries.integers().between(1, 6)
                .flatMap(cols -> entry.array(double[].class).ofSize(cols).array(double[][].class).ofSize(rows)));
    }

    /** {pairs, cost} of a matching. */
    private static double[] score(double[][] cost, int[] rowToCol) {
        double pairs = 0;
        double sum = 0;
        for (int i = 0; i < rowToCol.length; i++) {
            if (rowToCol[i] >= 0) {
                pairs++;
                sum += cost[i][rowToCol[i]];
            }
        }
        return new double[] {pairs, sum};
    }

    /** Best {pairs, cost} for rows from {@code row} on: most allowed pairs, then least cost. */
    private static double[] bruteForce(double[][] cost, int row, boolean[] usedCols) {
        if (row == cost.length) {
            return new double[] {0, 0};
        }
        double[] best = bruteForce(cost, row + 1, usedCols); // row left unassigned
        for (int j = 0; j < usedCols.length; j++) {
            if (!usedCols[j] && Double.isFinite(cost[row][j])) {
                usedCols[j] = true;
                double[] rest = bruteForce(cost, row + 1, usedCols);
                usedCols[j] = false;
                double[] cand = {rest[0] + 1, rest[1] + cost[row][j]};
                if (cand[0] > best[0] || (cand[0] == best[0] && cand[1] < best[1])) {
                    best = cand;
                }
            }
        }
        return best;
    }
}
