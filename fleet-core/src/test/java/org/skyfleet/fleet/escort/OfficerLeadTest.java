package org.skyfleet.fleet.escort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;

/** An officer walking north at 1.4 m/s in Dongbu Xincheng, fixes once a second. */
class OfficerLeadTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final GeoPoint START = new GeoPoint(29.8700, 121.6200);
    private static final double M_PER_DEG_LAT = 111_320.0;

    private static GeoPoint north(double m) {
        return new GeoPoint(START.latDeg() + m / M_PER_DEG_LAT, START.lonDeg());
    }

    private static double northOf(GeoPoint p) {
        return (p.latDeg() - START.latDeg()) * M_PER_DEG_LAT;
    }

    @Test
    void leadsAWalkingOfficerByTheFixAgePlusOnePeriod() {
        OfficerLead lead = new OfficerLead(3, Duration.ofSeconds(10));
        assertThat(northOf(lead.expected(north(0), T0, T0, Duration.ofMillis(500)))).as("one fix: no velocity").isCloseTo(0, within(1e-6));
        GeoPoint p = lead.expected(north(1.4), T0.plusSeconds(1), T0.plusMillis(1200), Duration.ofMillis(500));
        assertThat(northOf(p)).isCloseTo(1.4 + 1.4 * 0.7, within(0.01));
    }

    @Test
    void aJumpIsCutToTheLongestLeadAndFixesTooFarApartGiveNoVelocity() {
        OfficerLead lead = new OfficerLead(3, Duration.ofSeconds(10));
        lead.expected(north(0), T0, T0, Duration.ZERO);
        assertThat(northOf(lead.expected(north(50), T0.plusSeconds(1), T0.plusSeconds(1), Duration.ofSeconds(1))))
                .isCloseTo(53, within(0.01));
        OfficerLead slow = new OfficerLead(3, Duration.ofSeconds(10));
        slow.expected(north(0), T0, T0, Duration.ZERO);
        assertThat(northOf(slow.expected(north(5), T0.plusSeconds(11), T0.plusSeconds(11), Duration.ofSeconds(1))))
                .isCloseTo(5, within(1e-6));
    }
}
