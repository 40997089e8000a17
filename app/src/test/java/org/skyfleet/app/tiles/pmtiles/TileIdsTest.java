package org.skyfleet.app.tiles.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The Hilbert tile ids: the specification's reference values, and z/x/y to id and back for any tile. */
class TileIdsTest {
    @Example
    void knownValuesFromTheReferenceImplementation() {
        assertThat(TileIds.of(0, 0, 0)).isZero();
        assertThat(TileIds.of(1, 0, 0)).isEqualTo(1);
        assertThat(TileIds.of(1, 0, 1)).isEqualTo(2);
        assertThat(TileIds.of(1, 1, 1)).isEqualTo(3);
        assertThat(TileIds.of(1, 1, 0)).isEqualTo(4);
        assertThat(TileIds.of(2, 0, 0)).isEqualTo(5);
        assertThat(TileIds.of(3, 7, 0)).isEqualTo(84);
        assertThat(TileIds.of(20, 0, 0)).isEqualTo(366503875925L);
        assertThat(TileIds.zxy(84)).containsExactly(3, 7, 0);
        assertThat(TileIds.zxy(366503875925L)).containsExactly(20, 0, 0);
    }

    @Example
    void tilesOutsideTheirZoomAreRefused() {
        assertThatThrownBy(() -> TileIds.of(3, 8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileIds.of(32, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileIds.zxy(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void zxyToIdAndBack(@ForAll("tiles") long[] zxy) {
        long id = TileIds.of((int) zxy[0], zxy[1], zxy[2]);
        assertThat(id).isBetween(TileIds.firstIdOf((int) zxy[0]), lastIdOf((int) zxy[0]));
        assertThat(TileIds.zxy(id)).containsExactly(zxy);
    }

    @Property(tries = 500)
    void idToZxyAndBack(@ForAll @LongRange(min = 0, max = 6_148_914_691_236_517_204L) long id) {
        long[] zxy = TileIds.zxy(id);
        assertThat(TileIds.of((int) zxy[0], zxy[1], zxy[2])).isEqualTo(id);
    }

    /** Hilbert's curve: consecutive ids within a zoom are neighbouring tiles (one step in x or y). */
    @Property(tries = 300)
    void consecutiveIdsAreAdjacentTiles(@ForAll("tiles") long[] zxy) {
        int z = (int) zxy[0];
        long id = TileIds.of(z, zxy[1], zxy[2]);
        if (id < lastIdOf(z)) {
            long[] next = TileIds.zxy(id + 1);
            assertThat(Math.abs(next[1] - zxy[1]) + Math.abs(next[2] - zxy[2])).isEqualTo(1);
        }
    }

    @Example
    void everyTileOfTheLowZoomsHasItsOwnId() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int z = 0; z <= 6; z++) {
            for (int x = 0; x < (1 << z); x++) {
                for (int y = 0; y < (1 << z); y++) {
                    seen.add(TileIds.of(z, x, y));
                }
            }
        }
        assertThat(seen).hasSize((int) TileIds.firstIdOf(7));
        assertThat(seen.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(TileIds.firstIdOf(7) - 1);
    }

    private static long lastIdOf(int z) {
        return TileIds.firstIdOf(z) + (1L << (2 * z)) - 1;
    }

    @Provide
    Arbitrary<long[]> tiles() {
        return Arbitraries.integers().between(0, TileIds.MAX_ZOOM).flatMap(z -> {
            long n = 1L << z;
            return Combinators.combine(Arbitraries.longs().between(0, n - 1), Arbitraries.longs().between(0, n - 1))
                    .as((x, y) -> new long[] {z, x, y});
        });
    }
}
