package org.skyfleet.fleet.fusion;

import java.util.Arrays;

/**
 * The rectangular linear assignment problem by the Hungarian (Kuhn–Munkres) method with row and column
 * potentials, O(n² m) for n rows and m columns.
 *
 * <p>Given {@code cost[i][j]}, find a one-to-one matching of rows to columns that first matches as many
 * pairs as possible, then has the least total cost. An entry of {@link Double#POSITIVE_INFINITY} (or
 * NaN) forbids the pair; forbidden pairs are priced as a finite penalty above any difference of finite
 * sums, solved, and reported as unassigned.
 *
 * <p>Degenerate cases: an empty matrix gives an empty answer; with more rows than columns the transposed
 * problem is solved, so some rows stay unassigned.
 */
public final class Hungarian {
    private Hungarian() {
    }

    /**
     * Solves the assignment.
     *
     * @param cost a rectangular matrix, rows x columns; finite entries may be negative
     * @return for each row the assigned column, or -1
     */
    public static int[] solve(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) {
            return new int[0];
        }
        int cols = cost[0].length;
        for (double[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException("cost matrix must be rectangular");
            }
        }
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (cols == 0) {
            return result;
        }
        boolean transpose = rows > cols;
        int n = Math.min(rows, cols);
        int m = Math.max(rows, cols);
        double[][] c = new double[n][m];
        double maxAbs = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (Double.isFinite(cost[i][j])) {
                    maxAbs = Math.max(maxAbs, Math.abs(cost[i][j]));
                }
            }
        }
        // Above any difference of two sums of n finite entries, so fewer forbidden pairs always wins.
        double forbidden = 2 * (maxAbs + 1) * (n + 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = Double.isFinite(cost[i][j]) ? cost[i][j] : forbidden;
                if (transpose) {
                    c[j][i] = v;
                } else {
                    c[i][j] = v;
                }
            }
        }
        int[] colToRow = assign(c, n, m);
        for (int j = 0; j < m; j++) {
            int i = colToRow[j];
            if (i < 0) {
                continue;
            }
            int row = transpose ? j : i;
            int col = transpose ? i : j;
            if (Double.isFinite(cost[row][col])) {
                result[row] = col;
            }
        }
        return result;
    }

    /** Kuhn–Munkres with potentials u (rows) and v (columns) on an n x m matrix, n <= m. */
    private static int[] assign(double[][] c, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] match = new int[m + 1]; // match[j] = 1-based row matched to column j, 0 if none
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            // Grow an alternating tree from row i along reduced costs c - u - v until a free column is hit.
            do {
                used[j0] = true;
                int i0 = match[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = c[i0 - 1][j - 1] - u[i0] - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            // Flip the augmenting path.
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colToRow = new int[m];
        for (int j = 1; j <= m; j++) {
            colToRow[j - 1] = match[j] - 1;
        }
        return colToRow;
    }
}
