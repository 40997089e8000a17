package org.skyfleet.telemetry.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the AIS reader over generated sentences: values survive, nothing thrown, every sentence counted. */
class AisCodecPropertiesTest {
    /** jqwik runs every try on one instance: each try gets its own reader. */
    private List<AisMessage> out;
    private AisIngestMetrics metrics;
    private AisSentenceReader reader;

    private void fresh() {
        out = new ArrayList<>();
        metrics = new AisIngestMetrics(new SimpleMeterRegistry());
        reader = new AisSentenceReader(metrics, () -> Instant.EPOCH, out::add);
    }

    @Property(tries = 300)
    void positionFieldsSurviveTheWire(@ForAll @IntRange(min = 1, max = 3) int type,
                                      @ForAll @LongRange(min = 0, max = 999_999_999) long mmsi,
                                      @ForAll @IntRange(min = 0, max = 15) int navStatus,
                                      @ForAll @LongRange(min = 0, max = 1022) long tenthKnots,
                                      @ForAll @LongRange(min = -108_000_000, max = 108_000_000) long lon,
                                      @ForAll @LongRange(min = -54_000_000, max = 54_000_000) long lat,
                                      @ForAll @LongRange(min = 0, max = 3599) long tenthDeg,
                                      @ForAll @LongRange(min = 0, max = 359) long heading,
                                      @ForAll @IntRange(min = 1, max = 4) int fragments,
                                      @ForAll long shuffleSeed) {
        fresh();
        List<String> lines = TestSentences.classA(type, mmsi, navStatus, tenthKnots, lon & 0xFFFFFFFL, lat & 0x7FFFFFFL,
                tenthDeg, heading).sentences(fragments, (int) (mmsi % 10));
        Collections.shuffle(lines, new Random(shuffleSeed));
        lines.forEach(l -> reader.read("p", l));
        assertThat(out).hasSize(1);
        AisPositionReport r = (AisPositionReport) out.get(0);
        assertThat(r.messageType()).isEqualTo(type);
        assertThat(r.mmsi()).isEqualTo(mmsi);
        assertThat(r.navStatus()).isEqualTo(navStatus);
        assertThat(r.lonDeg()).isCloseTo(lon / 600_000.0, within(1e-9));
        assertThat(r.latDeg()).isCloseTo(lat / 600_000.0, within(1e-9));
        assertThat(r.speedMps()).isCloseTo(tenthKnots / 10.0 * 1852 / 3600, within(1e-9));
        assertThat(r.courseDeg()).isCloseTo(tenthDeg / 10.0, within(1e-9));
        assertThat(r.headingDeg()).isEqualTo((int) heading);
        assertThat(reader.pendingFragments()).isZero();
    }

    @Property(tries = 300)
    void oneChangedCharacterIsNeverTakenForAnotherMessage(@ForAll @IntRange(min = 1, max = 60) int at,
                                                          @ForAll @IntRange(min = 32, max = 126) int replacement) {
        fresh();
        String good = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";
        int index = Math.min(at, good.length() - 4); // the body: a change to the checksum digits is a bad checksum too
        if (good.charAt(index) == replacement) {
            return;
        }
        String bad = good.substring(0, index) + (char) replacement + good.substring(index + 1);
        reader.read("p", bad);
        assertThat(out).isEmpty(); // XOR catches every single-character change
        assertThat(metrics.droppedCount()).isEqualTo(1);
    }

    @Property(tries = 500)
    void anyLineIsCountedAndNothingThrown(@ForAll @StringLength(max = 120) String junk) {
        fresh();
        reader.read("p", junk);
        reader.read("p", "!AIVDM," + junk);
        assertThat(metrics.sentenceCount()).isEqualTo(metrics.acceptedCount() + metrics.droppedCount());
    }
}
