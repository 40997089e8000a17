package org.skyfleet.fleet.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AreaCellTest {

    @Test
    void matchesThePublishedGeohashOfJutland() {
        // the worked example of the geohash definition: 57.64911 N, 10.40744 E is u4pruydqqvj
        assertThat(AreaCell.geohash(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
        assertThat(AreaCell.of(57.64911, 10.40744)).isEqualTo("u4pru");
    }

    @Test
    void nearbyPointsShareACellAndACoarserAreaIsAPrefix() {
        String westminster = AreaCell.of(51.5007, -0.1246);
        String trafalgar = AreaCell.of(51.5080, -0.1281);
        String sheffield = AreaCell.of(53.3812, -1.4701);
        // 800 m apart, yet on either side of a 4-character edge (gcpu | gcpv): a neighbour can be in the
        // next cell, which is why a node follows an area by a coarser prefix, not by one cell alone
        assertThat(westminster).startsWith("gcpu");
        assertThat(trafalgar).startsWith("gcpv");
        assertThat(westminster.substring(0, 3)).isEqualTo(trafalgar.substring(0, 3));
        assertThat(sheffield.substring(0, 3)).isNotEqualTo(westminster.substring(0, 3));
    }

    @Test
    void theEdgesOfTheWorldAndNonsenseCoordinates() {
        assertThat(AreaCell.of(90, 180)).isEqualTo("zzzzz");
        assertThat(AreaCell.of(-90, -180)).isEqualTo("00000");
        assertThat(AreaCell.of(Double.NaN, 0)).isEqualTo(AreaCell.NONE);
        assertThat(AreaCell.of(91, 0)).isEqualTo(AreaCell.NONE);
    }

    @Test
    void anAreaIsOneToFiveGeohashCharacters() {
        assertThat(AreaCell.isArea("g")).isTrue();
        assertThat(AreaCell.isArea("gcpuv")).isTrue();
        assertThat(AreaCell.isArea("gcpuvp")).isFalse();
        assertThat(AreaCell.isArea("gcpa")).isFalse();  // 'a' is not a geohash digit
        assertThat(AreaCell.isArea("")).isFalse();
        assertThatThrownBy(() -> BusScope.area("g.>")).isInstanceOf(IllegalArgumentException.class);
    }
}
