package org.skyfleet.fleet.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.geo.AreaGeometry;

/**
 * Cuts a {@link ProbabilityMap} into square search segments of about 500 m and ranks them.
 *
 * <p>A segment is an odd number k of whole cells a side (k the odd number nearest sizeM / cell size), so
 * its probability is an exact sum of cell POA and the middle segment is centred on the last known point;
 * segments at the map's edge are clipped to it. Segments holding no probability are left out. The list is
 * sorted by probability density, highest first (ties: higher probability, then id).
 */
public final class SearchSegments {
    public static final double DEFAULT_SIZE_M = 500;

    private SearchSegments() {}

    public static List<SearchSegment> of(ProbabilityMap map) {
        return of(map, DEFAULT_SIZE_M);
    }

    public static List<SearchSegment> of(ProbabilityMap map, double sizeM) {
        if (!(sizeM > 0)) {
            throw new IllegalArgumentException("segment size " + sizeM + " m must be above 0");
        }
        SearchGrid grid = map.grid();
        int k = 2 * (int) Math.max(0, Math.round((sizeM / grid.cellSizeM() - 1) / 2)) + 1;
        int mid = grid.cols() / 2;
        int reach = (mid + k / 2) / k;
        List<SearchSegment> out = new ArrayList<>();
        for (int sy = -reach; sy <= reach; sy++) {
            for (int sx = -reach; sx <= reach; sx++) {
                int c0 = Math.max(0, mid + sx * k - k / 2), c1 = Math.min(grid.cols() - 1, mid + sx * k + k / 2);
                int r0 = Math.max(0, mid + sy * k - k / 2), r1 = Math.min(grid.rows() - 1, mid + sy * k + k / 2);
                if (c0 > c1 || r0 > r1) {
                    continue;
                }
                double p = 0;
                for (int r = r0; r <= r1; r++) {
                    for (int c = c0; c <= c1; c++) {
                        p += map.poa(c, r);
                    }
                }
                if (p <= 0) {
                    continue;
                }
                Polygon local = grid.block(c0, r0, c1 + 1, r1 + 1);
                String id = String.format(Locale.ROOT, "E%+dN%+d", sx, sy);
                out.add(new SearchSegment(id, AreaGeometry.toGeo(local, grid.frame()), local, p, local.getArea()));
            }
        }
        out.sort(Comparator.comparingDouble(SearchSegment::densityPerKm2).reversed()
                .thenComparing(Comparator.comparingDouble(SearchSegment::probability).reversed())
                .thenComparing(SearchSegment::id));
        return out;
    }
}
