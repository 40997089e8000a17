package org.skyfleet.telemetry.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.skyfleet.telemetry.ais.AisFormatException.Reason;

/** Each rule a sentence must keep, and the bound on fragments waiting to be reassembled. */
class NmeaSentenceTest {
    private static final String GOOD = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";

    private static Reason reasonOf(String line) {
        try {
            NmeaSentence.parse(line);
        } catch (AisFormatException e) {
            return e.reason();
        }
        return null;
    }

    /** The sentence with its checksum recomputed, so only the rule under test is broken. */
    private static String withChecksum(String body) {
        int x = 0;
        for (char c : body.substring(1).toCharArray()) {
            x ^= c;
        }
        return body + "*" + String.format("%02X", x);
    }

    @Test
    void goodSentenceParses() throws AisFormatException {
        NmeaSentence s = NmeaSentence.parse(GOOD);
        assertThat(s.talker()).isEqualTo("AI");
        assertThat(s.own()).isFalse();
        assertThat(s.channel()).isEqualTo("B");
        assertThat(s.sequenceId()).isEqualTo(-1);
        assertThat(NmeaSentence.parse(GOOD.replace("*5C", "*5c")).payload()).isEqualTo(s.payload());
    }

    @Test
    void eachRuleHasItsReason() {
        assertThat(reasonOf(GOOD.replace("*5C", "*5D"))).isEqualTo(Reason.BAD_CHECKSUM);
        assertThat(reasonOf(GOOD.replace("*5C", ""))).isEqualTo(Reason.BAD_CHECKSUM);
        assertThat(reasonOf("$GPGGA,1,2*00")).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(withChecksum("!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,6"))).isEqualTo(Reason.BAD_FILL_BITS);
        assertThat(reasonOf(withChecksum("!AIVDM,2,1,3,B,15M67FC000G?ufbE`FepT@3n00Sa,2"))).isEqualTo(Reason.BAD_FILL_BITS);
        assertThat(reasonOf(withChecksum("!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00S~,0"))).isEqualTo(Reason.BAD_PAYLOAD);
        assertThat(reasonOf(withChecksum("!AIVDM,1,2,,B,15M67FC000G?ufbE`FepT@3n00Sa,0"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(withChecksum("!AIVDM,2,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(withChecksum("!AIVDM,1,1,,B,15M67FC0,0"))).isNull(); // short, but a sentence
    }

    @Test
    void shortPayloadAndUnreadTypesAreCountedNotThrown() {
        AisIngestMetrics metrics = new AisIngestMetrics(new SimpleMeterRegistry());
        AisSentenceReader reader = new AisSentenceReader(metrics, () -> Instant.EPOCH, m -> { });
        reader.read("x", withChecksum("!AIVDM,1,1,,B,15M67FC0,0"));
        reader.read("x", "!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D"); // type 4, a base station
        reader.read("x", "garbage\u0000\u00ff");
        assertThat(metrics.droppedCount(Reason.TOO_SHORT)).isEqualTo(1);
        assertThat(metrics.droppedCount(Reason.UNSUPPORTED_TYPE)).isEqualTo(1);
        assertThat(metrics.droppedCount(Reason.MALFORMED)).isEqualTo(1);
        assertThat(metrics.sentenceCount()).isEqualTo(metrics.acceptedCount() + metrics.droppedCount());
    }

    @Test
    void pendingFragmentsAreBoundedAndExpire() throws AisFormatException {
        AtomicInteger abandoned = new AtomicInteger();
        AisFragments fragments = new AisFragments(3, Duration.ofSeconds(10), abandoned::addAndGet);
        Instant t0 = Instant.parse("2026-12-07T00:00:00Z");
        for (int seq = 0; seq < 5; seq++) {
            String first = withChecksum("!AIVDM,2,1," + seq + ",A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0");
            assertThat(fragments.accept("src", NmeaSentence.parse(first), t0)).isNull();
        }
        assertThat(fragments.pendingCount()).isEqualTo(3);
        assertThat(abandoned).hasValue(2);
        String late = withChecksum("!AIVDM,2,1,9,B,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0");
        fragments.accept("src", NmeaSentence.parse(late), t0.plusSeconds(11));
        assertThat(fragments.pendingCount()).isEqualTo(1);
        assertThat(abandoned).hasValue(5);
        String wrongCount = withChecksum("!AIVDM,3,2,9,B,88888888880,0");
        assertThatThrownBy(() -> fragments.accept("src", NmeaSentence.parse(wrongCount), t0.plusSeconds(11)))
                .isInstanceOf(AisFormatException.class);
    }
}
