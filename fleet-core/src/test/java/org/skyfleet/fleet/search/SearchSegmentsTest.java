package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class SearchSegmentsTest {
    private static final ProbabilityMap MAP = ProbabilityMap.around(ProbabilityMapTest.LKP,
            ProbabilityMapTest.STATS.forCategory(SubjectCategory.DEMENTIA));

    @Test
    void segmentsTileTheMapAndCarryAllItsProbability() {
        List<SearchSegment> segments = SearchSegments.of(MAP);
        double p = segments.stream().mapToDouble(SearchSegment::probability).sum();
        double area = segments.stream().mapToDouble(SearchSegment::areaM2).sum();
        assertThat(p).isCloseTo(MAP.probabilityInsideMap(), within(1e-9));
        double side = 2 * MAP.grid().halfWidthM();
        assertThat(area).isCloseTo(side * side, within(side * side * 1e-9));
        double cell = MAP.grid().cellSizeM();
        assertThat(Math.sqrt(segments.get(0).areaM2())).isBetween(500 - cell, 500 + cell);
    }

    @Test
    void rankedByDensityWithTheLastKnownPointFirst() {
        List<SearchSegment> segments = SearchSegments.of(MAP);
        assertThat(segments.get(0).id()).isEqualTo("E+0N+0");
        Polygon first = segments.get(0).local();
        assertThat(first.getCentroid().getCoordinate().distance(new Coordinate(0, 0))).isLessThan(1e-6);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).densityPerKm2()).isLessThanOrEqualTo(segments.get(i - 1).densityPerKm2());
        }
        assertThat(segments.get(0).area().outer()).hasSize(5);
    }
}
