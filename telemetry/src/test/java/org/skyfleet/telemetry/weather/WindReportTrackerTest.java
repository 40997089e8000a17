package org.skyfleet.telemetry.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dronefleet.mavlink.ardupilotmega.Wind;
import io.dronefleet.mavlink.common.WindCov;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.weather.MeasuredWind;

class WindReportTrackerTest {
    private final WindReportTracker tracker = new WindReportTracker(InstantSource.fixed(Instant.parse("2026-12-07T20:00:00Z")));

    @Test
    void px4sWindCovIsTheVelocityOfTheAirSoItComesFromTheOppositeWay() {
        // air moving 3 m/s north and 4 m/s east: 5 m/s from the south-west (233.13 degrees)
        MeasuredWind w = tracker.decode("mav-0-1", WindCov.builder().timeUsec(BigInteger.ONE).windX(3).windY(4).windZ(0)
                .varHoriz(0.2f).varVert(0.2f).windAlt(60).horizAccuracy(0.5f).vertAccuracy(0.5f).build());
        assertThat(w.speedMps()).isCloseTo(5, within(1e-6));
        assertThat(w.fromDeg()).isCloseTo(233.13, within(0.01));
        assertThat(w.at()).isEqualTo(Instant.parse("2026-12-07T20:00:00Z"));
    }

    @Test
    void anEstimatorWithoutAWindSaysNaNAndNothingIsKept() {
        assertThat(tracker.decode("mav-0-1", WindCov.builder().timeUsec(BigInteger.ONE).windX(Float.NaN).windY(Float.NaN)
                .build())).isNull();
    }

    @Test
    void arduPilotsWindGivesWhereItComesFromAndItsSpeed() {
        MeasuredWind w = tracker.decode("mav-0-2", Wind.builder().direction(270).speed(12.5f).speedZ(0).build());
        assertThat(w.speedMps()).isEqualTo(12.5);
        assertThat(w.fromDeg()).isEqualTo(270);
        assertThat(tracker.decode("mav-0-2", Wind.builder().direction(-90).speed(3).build()).fromDeg()).isEqualTo(270);
    }
}
