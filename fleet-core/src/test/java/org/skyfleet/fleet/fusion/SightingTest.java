package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SightingTest {

    private static Sighting valid(double lat, double lon, double sigmaM, double confidence) {
        return Sighting.of("s-1", SourceKind.DRONE, "d1", 1_000, lat, lon, sigmaM, TargetClass.PERSON, confidence);
    }

    @Test
    void acceptsValuesJustInsideTheLimits() {
        assertThat(valid(90, 180, 9_999, 1).confidence()).isEqualTo(1);
        assertThat(valid(-90, -180, 0.01, 0).latDeg()).isEqualTo(-90);
    }

    @Test
    void rejectsLatitudeOutOfRangeNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid(90.0001, 0, 10, 0.5))
                .withMessageContaining("sighting s-1").withMessageContaining("latDeg 90.0001");
        assertThatIllegalArgumentException().isThrownBy(() -> valid(Double.NaN, 0, 10, 0.5))
                .withMessageContaining("latDeg NaN");
    }

    @Test
    void rejectsLongitudeOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid(0, -180.5, 10, 0.5))
                .withMessageContaining("lonDeg -180.5");
    }

    @Test
    void rejectsSigmaAtOrBeyondTheLimitsNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid(0, 0, 0, 0.5))
                .withMessageContaining("sighting s-1").withMessageContaining("sigmaM");
        assertThatIllegalArgumentException().isThrownBy(() -> valid(0, 0, 10_000, 0.5))
                .withMessageContaining("sigmaM");
        assertThatIllegalArgumentException().isThrownBy(() -> valid(0, 0, Double.POSITIVE_INFINITY, 0.5))
                .withMessageContaining("sigmaM");
    }

    @Test
    void rejectsConfidenceOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid(0, 0, 10, 1.01))
                .withMessageContaining("confidence 1.01");
        assertThatIllegalArgumentException().isThrownBy(() -> valid(0, 0, 10, -0.01))
                .withMessageContaining("confidence");
    }

    @Test
    void rejectsBlankIdsAndMissingFields() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> Sighting.of(" ", SourceKind.DRONE, "d1", 0, 0, 0, 10, TargetClass.PERSON, 0.5))
                .withMessageContaining("sighting id");
        assertThatIllegalArgumentException().isThrownBy(
                () -> Sighting.of("s", SourceKind.DRONE, "", 0, 0, 0, 10, TargetClass.PERSON, 0.5))
                .withMessageContaining("sourceId");
        assertThatIllegalArgumentException().isThrownBy(
                () -> Sighting.of("s", null, "d1", 0, 0, 0, 10, TargetClass.PERSON, 0.5))
                .withMessageContaining("sourceKind");
        assertThatIllegalArgumentException().isThrownBy(
                () -> Sighting.of("s", SourceKind.DRONE, "d1", 0, 0, 0, 10, null, 0.5))
                .withMessageContaining("targetClass");
        assertThatIllegalArgumentException().isThrownBy(
                () -> Sighting.of("s", SourceKind.DRONE, "d1", -1, 0, 0, 10, TargetClass.PERSON, 0.5))
                .withMessageContaining("timeMs");
    }

    @Test
    void acceptsAnEllipticalCovariance() {
        HorizontalUncertainty u = HorizontalUncertainty.covariance(new double[][] {{400, 100}, {100, 100}});
        Sighting s = new Sighting("s-2", SourceKind.OFFICER, "pc-4711", 0, 51.5, -0.12, u, TargetClass.VEHICLE, 0.9,
                Optional.of("img/42.jpg"), Optional.of("INC-7"));
        assertThat(s.uncertainty().eastNorthCovM2()).isEqualTo(100);
    }

    @Test
    void rejectsCovarianceThatIsNotSymmetricPositiveDefinite() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HorizontalUncertainty.covariance(new double[][] {{400, 100}, {99, 100}}))
                .withMessageContaining("symmetric");
        // det = 100 * 100 - 100 * 100 = 0: singular, just outside.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HorizontalUncertainty.covariance(new double[][] {{100, 100}, {100, 100}}))
                .withMessageContaining("positive definite");
        assertThat(HorizontalUncertainty.covariance(new double[][] {{100, 99.9}, {99.9, 100}})).isNotNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HorizontalUncertainty.covariance(new double[][] {{-1, 0}, {0, 100}}))
                .withMessageContaining("positive definite");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HorizontalUncertainty.covariance(new double[][] {{1e8, 0}, {0, 1}}))
                .withMessageContaining("below 10000");
    }
}
