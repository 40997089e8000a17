package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;

/** Roads from a GeoJSON file attract probability; water repels it. */
class MapFeaturesTest {
    private static final GeoPoint LKP = new GeoPoint(29.725, 122.108);
    private static final ProbabilityMap MAP = ProbabilityMap.around(LKP,
            LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA));

    /** A road running east-west 500 m north of the LKP, a path, a lake 1 km south, and a building (ignored). */
    private static String geoJson() {
        GeoPoint w = SearchFixtures.at(LKP, -3000, 500), e = SearchFixtures.at(LKP, 3000, 500);
        GeoPoint p1 = SearchFixtures.at(LKP, 1000, -3000), p2 = SearchFixtures.at(LKP, 1000, 3000);
        var lake = SearchFixtures.square(LKP, 0, -1000, 400).outer();
        StringBuilder ring = new StringBuilder();
        for (GeoPoint g : lake) {
            ring.append('[').append(g.lonDeg()).append(',').append(g.latDeg()).append("],");
        }
        ring.append('[').append(lake.get(0).lonDeg()).append(',').append(lake.get(0).latDeg()).append(']');
        return """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kind":"road","class":"minor"},"geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s]]}},
                 {"type":"Feature","properties":{"kind":"road","class":"path"},"geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s]]}},
                 {"type":"Feature","properties":{"kind":"water"},"geometry":{"type":"Polygon","coordinates":[[%s]]}},
                 {"type":"Feature","properties":{"kind":"building"},"geometry":{"type":"Polygon","coordinates":[[%s]]}}]}
                """.formatted(w.lonDeg(), w.latDeg(), e.lonDeg(), e.latDeg(), p1.lonDeg(), p1.latDeg(), p2.lonDeg(), p2.latDeg(),
                ring, ring);
    }

    @Test
    void roadsGetTheirShareAndWaterLosesProbability() {
        MapFeatures f = MapFeatures.fromGeoJson(geoJson(), MAP.frame());
        assertThat(f.linesLocal().getLength()).as("a 6 km road and a 6 km path").isCloseTo(12_000, within(50.0));
        assertThat(f.waterLocal().getArea()).isCloseTo(160_000, within(2_000.0));
        ProbabilityMap roads = MAP.withLinearFeatures(f.linesLocal(), 25, 0.59);
        // per ring of one cell width: p'_i = M (s p_i a_i / on + (1 - s) p_i (1 - a_i) / off), a_i the cell's share
        // in the corridor; so each ring keeps its mass and puts 59 % of it on the corridors it crosses
        double[] inside = CellCoverage.areasM2(MAP.grid(), f.linesLocal().buffer(25));
        double[] before = MAP.poaByCell(), after = roads.poaByCell();
        java.util.Map<Integer, double[]> rings = new java.util.HashMap<>(); // ring -> {mass before, after, corridor mass before}
        SearchGrid g = MAP.grid();
        for (int row = 0; row < g.rows(); row++) {
            for (int col = 0; col < g.cols(); col++) {
                int i = row * g.cols() + col;
                int k = (int) (Math.hypot(g.centreXM(col), g.centreYM(row)) / g.cellSizeM());
                double[] r = rings.computeIfAbsent(k, x -> new double[3]);
                double a = inside[i] / g.cellAreaM2();
                r[0] += before[i];
                r[1] += after[i];
                r[2] += before[i] * a;
            }
        }
        int crossed = 0;
        for (var e : rings.entrySet()) {
            double[] r = e.getValue();
            assertThat(r[1]).as("ring " + e.getKey() + " keeps its mass").isCloseTo(r[0], within(1e-15));
            crossed += r[2] > 0 ? 1 : 0;
        }
        assertThat(crossed).as("rings the road and the path cross").isGreaterThan(20);
        assertThat(roads.probabilityInsideMap()).isCloseTo(MAP.probabilityInsideMap(), within(1e-12));
        int mid = MAP.grid().cols() / 2, roadRow = MAP.grid().rowOf(500), lakeRow = MAP.grid().rowOf(-1000);
        assertThat(roads.poa(mid, roadRow)).isGreaterThan(MAP.poa(mid, roadRow));
        ProbabilityMap wet = roads.withRelativeWeight(f.waterLocal(), 0.1);
        assertThat(wet.poa(mid, lakeRow)).isLessThan(roads.poa(mid, lakeRow) * 0.2);
        assertThat(wet.probabilityInsideMap() + wet.probabilityOutsideMap()).isCloseTo(1, within(1e-9));
    }
}
