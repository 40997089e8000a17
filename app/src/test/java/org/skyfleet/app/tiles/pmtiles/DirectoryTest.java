package org.skyfleet.app.tiles.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The varint directory codec: any directory survives encoding, and broken bytes are refused with a reason. */
class DirectoryTest {
    @Property(tries = 300)
    void varintsRoundTrip(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Varints.write(out, v);
        ByteBuffer in = ByteBuffer.wrap(out.toByteArray());
        assertThat(Varints.read(in)).isEqualTo(v);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Example
    void varintBytesAreLeb128() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Varints.write(out, 300);
        assertThat(out.toByteArray()).containsExactly(0xac, 0x02);
    }

    @Property(tries = 300)
    void directoriesRoundTrip(@ForAll("directories") List<Directory.Entry> entries) {
        assertThat(Directory.decode(Directory.encode(entries))).isEqualTo(entries);
    }

    @Property(tries = 200)
    void anyTruncationIsRefused(@ForAll("directories") List<Directory.Entry> entries) {
        byte[] bytes = Directory.encode(entries);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> Directory.decode(part)).isInstanceOf(PmTilesFormatException.class);
        }
    }

    @Property(tries = 200)
    void findAnswersByRunsAndLeaves(@ForAll("directories") List<Directory.Entry> entries) {
        for (Directory.Entry e : entries) {
            assertThat(Directory.find(entries, e.tileId())).isEqualTo(e);
            if (e.runLength() > 1) {
                assertThat(Directory.find(entries, e.tileId() + e.runLength() - 1)).isEqualTo(e);
            }
            if (e.leaf()) {
                assertThat(Directory.find(entries, e.tileId() + 1)).isIn(e, entries.get(Math.min(entries.indexOf(e) + 1, entries.size() - 1)));
            }
        }
        Directory.Entry first = entries.get(0);
        if (first.tileId() > 0) {
            assertThat(Directory.find(entries, first.tileId() - 1)).isNull();
        }
    }

    @Example
    void aRunCoversItsIdsAndNoMore() {
        List<Directory.Entry> dir = List.of(new Directory.Entry(5, 0, 10, 2), new Directory.Entry(10, 10, 4, 1));
        assertThat(Directory.find(dir, 5)).isEqualTo(dir.get(0));
        assertThat(Directory.find(dir, 6)).isEqualTo(dir.get(0));
        assertThat(Directory.find(dir, 7)).isNull();
        assertThat(Directory.find(dir, 4)).isNull();
        assertThat(Directory.find(dir, 11)).isNull();
    }

    @Example
    void offsetsRightAfterThePreviousAreWrittenAsZero() {
        // count 2; ids 5, +1; runs 1, 1; lengths 10, 4; offsets 0+1, then 0 (right after the first)
        byte[] bytes = Directory.encode(List.of(new Directory.Entry(5, 0, 10, 1), new Directory.Entry(6, 10, 4, 1)));
        assertThat(bytes).containsExactly(2, 5, 1, 1, 1, 10, 4, 1, 0);
    }

    @Example
    void brokenDirectoriesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Directory.decode(new byte[] {0})).hasMessageContaining("no entries");
        assertThatThrownBy(() -> Directory.decode(new byte[] {1, 5, 1, 0, 1})).hasMessageContaining("length 0");
        assertThatThrownBy(() -> Directory.decode(new byte[] {1, 5, 1, 10, 0})).hasMessageContaining("first offset");
        assertThatThrownBy(() -> Directory.decode(new byte[] {(byte) 0x80})).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Directory.decode(new byte[] {100, 1, 1, 1})).hasMessageContaining("claims 100 entries");
    }

    @Provide
    Arbitrary<List<Directory.Entry>> directories() {
        Arbitrary<long[]> raw = Combinators.combine(
                Arbitraries.longs().between(1, 1L << 40), // id step
                Arbitraries.longs().between(1, 1L << 20), // length
                Arbitraries.longs().between(0, 1000), // run length (0: a leaf)
                Arbitraries.integers().between(0, 2) // 0: right after the previous, else a jump
        ).as((step, length, run, jump) -> new long[] {step, length, run, jump});
        return raw.list().ofMinSize(1).ofMaxSize(60).map(rows -> {
            List<Directory.Entry> out = new ArrayList<>();
            long id = rows.get(0)[0] % 1000;
            long offset = 0;
            for (long[] r : rows) {
                out.add(new Directory.Entry(id, offset, r[1], r[2]));
                offset = r[3] == 0 ? offset + r[1] : offset + r[1] + r[0] % 4096 + 1;
                id += Math.max(r[0], r[2]) + 1;
            }
            return out;
        });
    }
}
