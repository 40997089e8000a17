package org.skyfleet.telemetry.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published example sentences with their published decodings (the pyais project's test vectors, which it
 * checked against two other decoders); speeds are given there in knots.
 */
class AisDecoderTest {
    private static final double KNOT = 1852.0 / 3600.0;

    private final List<AisMessage> out = new ArrayList<>();
    private final AisIngestMetrics metrics = new AisIngestMetrics(new SimpleMeterRegistry());
    private final AisSentenceReader reader = new AisSentenceReader(metrics, InstantSource.fixed(Instant.EPOCH), out::add);

    private AisMessage only(String... lines) {
        for (String l : lines) {
            reader.read("test", l);
        }
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void classAPositionType1() {
        AisPositionReport r = (AisPositionReport) only("!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C");
        assertThat(r.messageType()).isEqualTo(1);
        assertThat(r.mmsi()).isEqualTo(366053209);
        assertThat(r.navStatus()).isEqualTo(3); // restricted manoeuvrability
        assertThat(r.latDeg()).isCloseTo(37.802118, within(1e-6));
        assertThat(r.lonDeg()).isCloseTo(-122.341618, within(1e-6));
        assertThat(r.speedMps()).isZero();
        assertThat(r.courseDeg()).isCloseTo(219.3, within(1e-9));
        assertThat(r.headingDeg()).isEqualTo(1);
    }

    @Test
    void classAPositionType1UnderWay() {
        AisPositionReport r = (AisPositionReport) only("!AIVDM,1,1,,B,181:Kjh01ewHFRPDK1s3IRcn06sd,0*08");
        assertThat(r.mmsi()).isEqualTo(538090443);
        assertThat(r.speedMps()).isCloseTo(10.9 * KNOT, within(1e-9));
        assertThat(r.courseDeg()).isCloseTo(87.0, within(1e-9));
    }

    @Test
    void classAPositionType3Moored() {
        AisPositionReport r = (AisPositionReport) only("!AIVDM,1,1,,A,35NSH95001G?wopE`beasVk@0E5:,0*6F");
        assertThat(r.messageType()).isEqualTo(3);
        assertThat(r.mmsi()).isEqualTo(367581220);
        assertThat(r.navStatus()).isEqualTo(5);
        assertThat(r.latDeg()).isCloseTo(37.8107, within(1e-4));
        assertThat(r.lonDeg()).isCloseTo(-122.3343, within(1e-4));
        assertThat(r.speedMps()).isCloseTo(0.1 * KNOT, within(1e-9));
        assertThat(r.courseDeg()).isCloseTo(254.2, within(1e-9));
        assertThat(r.headingDeg()).isEqualTo(217);
    }

    @Test
    void staticAndVoyageType5InTwoFragments() {
        AisStaticReport r = (AisStaticReport) only(
                "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
                "!AIVDM,2,2,1,A,88888888880,2*25");
        assertThat(r.name()).isEqualTo("EVER DIADEM");
        assertThat(r.callSign()).isEqualTo("3FOF8");
        assertThat(r.shipType()).isEqualTo(70); // cargo
        assertThat(r.destination()).isEqualTo("NEW YORK");
    }

    @Test
    void fragmentsOutOfOrderReassemble() {
        AisStaticReport r = (AisStaticReport) only(
                "!AIVDM,2,2,4,A,000000000000000,2*20",
                "!AIVDM,2,1,4,A,55O0W7`00001L@gCWGA2uItLth@DqtL5@F22220j1h742t0Ht0000000,0*08");
        assertThat(r.mmsi()).isEqualTo(368060190);
    }

    /** As published its checksum is wrong (0x35; the sentence XORs to 0x36): dropped, and read once corrected. */
    @Test
    void staticAndVoyageType5OnOneLongLine() {
        String published = "!AIVDM,1,1,,B,53ktrJ82>ia4=50<0020<5=@Dhv0t8T@u<0000001PV854Si0;mR@CPH13p0hDm1C3h0000,2*35";
        reader.read("test", published);
        assertThat(out).isEmpty();
        assertThat(metrics.droppedCount(AisFormatException.Reason.BAD_CHECKSUM)).isEqualTo(1);
        AisStaticReport r = (AisStaticReport) only(published.replace("*35", "*36"));
        assertThat(r.mmsi()).isEqualTo(255801960);
        assertThat(r.imo()).isEqualTo(9356945);
        assertThat(r.callSign()).isEqualTo("CQPC");
        assertThat(r.name()).isEqualTo("CASTELO OBIDOS");
        assertThat(r.shipType()).isZero();
        assertThat(r.destination()).isEqualTo("VIANA DO CASTELO");
    }

    @Test
    void classBPositionType18() {
        AisPositionReport r = (AisPositionReport) only("!AIVDM,1,1,,A,B5NJ;PP005l4ot5Isbl03wsUkP06,0*76");
        assertThat(r.messageType()).isEqualTo(18);
        assertThat(r.mmsi()).isEqualTo(367430530);
        assertThat(r.navStatus()).isEqualTo(AisPositionReport.NAV_STATUS_NOT_DEFINED);
        assertThat(r.latDeg()).isCloseTo(37.79, within(0.005));
        assertThat(r.lonDeg()).isCloseTo(-122.27, within(0.005));
        assertThat(r.headingDeg()).isEqualTo(-1);
    }

    @Test
    void ownShipType18FromVdo() {
        AisPositionReport r = (AisPositionReport) only("!AIVDO,1,1,,A,B5NJ;PP2aUl4ot5Isbl6GwsUkP06,0*35");
        assertThat(r.speedMps()).isCloseTo(67.8 * KNOT, within(1e-9));
        assertThat(r.courseDeg()).isCloseTo(10.1, within(1e-9));
    }

    @Test
    void notAvailableFieldsAreNaN() {
        AisPositionReport r = (AisPositionReport) only("!AIVDO,1,1,,,B>qc:003wk?8mP=18D3Q3wgTiT;T,0*13");
        assertThat(r.mmsi()).isEqualTo(1000000000L);
        assertThat(r.hasPosition()).isFalse();
        assertThat(r.speedMps()).isNaN();
        assertThat(r.courseDeg()).isNaN();
    }

    @Test
    void extendedClassBType19GivesPositionAndName() {
        reader.read("test", "!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B");
        assertThat(out).hasSize(2);
        AisPositionReport p = (AisPositionReport) out.get(0);
        assertThat(p.mmsi()).isEqualTo(367059850);
        assertThat(p.speedMps()).isCloseTo(8.7 * KNOT, within(1e-9));
        assertThat(p.latDeg()).isCloseTo(29.543695, within(1e-6));
        assertThat(p.courseDeg()).isCloseTo(335.9, within(1e-9));
        AisStaticReport s = (AisStaticReport) out.get(1);
        assertThat(s.name()).isEqualTo("CAPT.J.RIMES");
        assertThat(s.shipType()).isEqualTo(70);
        assertThat(metrics.messageCount(19)).isEqualTo(1);
    }

    @Test
    void staticDataType24PartB() {
        AisStaticReport r = (AisStaticReport) only("!AIVDM,1,1,,A,H52KMeDU653hhhi0000000000000,0*1A");
        assertThat(r.mmsi()).isEqualTo(338091445);
        assertThat(r.shipType()).isEqualTo(37); // pleasure craft
        assertThat(r.callSign()).isEmpty();
        assertThat(r.name()).isNull();
    }

    @Test
    void staticDataType24PartA() {
        AisStaticReport r = (AisStaticReport) only("!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D");
        assertThat(r.mmsi()).isEqualTo(271041815);
        assertThat(r.name()).isEqualTo("PROGUY");
        assertThat(r.shipType()).isEqualTo(-1);
    }

    @Test
    void tagBlockIsSkipped() {
        AisPositionReport r = (AisPositionReport) only("\\s:2573135,c:1671620143*0A\\!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C");
        assertThat(r.mmsi()).isEqualTo(366053209);
    }
}
