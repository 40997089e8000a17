package org.skyfleet.fleet.escort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneIndex;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;

/** Each rule just inside and just outside its limit, an officer in Dongbu Xincheng, Ningbo. */
class FollowOfficerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final GeoPoint OFFICER = new GeoPoint(29.8700, 121.6200);
    private static final double M_PER_DEG_LAT = 111_320.0;
    private final FollowOfficer follow = FollowOfficer.defaults();

    private static GeoPoint north(GeoPoint p, double m) {
        return new GeoPoint(p.latDeg() + m / M_PER_DEG_LAT, p.lonDeg());
    }

    @Test
    void fallsInBehindAtTheStandOff() {
        EscortStep step = follow.next("rover-1", north(OFFICER, 20), OFFICER, NOW, NOW, ZoneIndex.empty());
        assertThat(step).isInstanceOfSatisfying(EscortStep.MoveTo.class, m -> {
            assertThat((m.target().latDeg() - OFFICER.latDeg()) * M_PER_DEG_LAT).isCloseTo(3.0, within(0.01));
            assertThat(m.distanceToOfficerM()).isCloseTo(20, within(0.01));
        });
    }

    @Test
    void stopsWhenTheOfficersFixIsStale() {
        assertThat(follow.next("rover-1", north(OFFICER, 20), OFFICER, NOW.minusSeconds(10), NOW, ZoneIndex.empty()))
                .isInstanceOf(EscortStep.MoveTo.class);
        assertThat(follow.next("rover-1", north(OFFICER, 20), OFFICER, NOW.minus(Duration.ofMillis(10_001)), NOW, ZoneIndex.empty()))
                .isInstanceOfSatisfying(EscortStep.Stop.class, s -> assertThat(s.reason()).isEqualTo(EscortStep.Reason.OFFICER_STALE));
    }

    @Test
    void staysPutWithinTheStandOffAndDeadBand() {
        assertThat(follow.next("rover-1", north(OFFICER, 3.99), OFFICER, NOW, NOW, ZoneIndex.empty()))
                .isInstanceOfSatisfying(EscortStep.Stop.class, s -> assertThat(s.reason()).isEqualTo(EscortStep.Reason.IN_STAND_OFF));
        assertThat(follow.next("rover-1", north(OFFICER, 4.01), OFFICER, NOW, NOW, ZoneIndex.empty()))
                .isInstanceOf(EscortStep.MoveTo.class);
        assertThat(follow.next("rover-1", OFFICER, OFFICER, NOW, NOW, ZoneIndex.empty())).isInstanceOf(EscortStep.Stop.class);
    }

    @Test
    void refusesAStandOffPointInsideAnExclusionZone() {
        Zone kindergarten = new Zone("kg", "Kindergarten grounds", new ZoneShape.Circle(north(OFFICER, 3), 1.5), ZoneKind.EXCLUSION,
                null, null, ZoneCategory.TEMPORARY_RESTRICTION, null, null);
        EscortStep step = follow.next("rover-1", north(OFFICER, 20), OFFICER, NOW, NOW, ZoneIndex.of(List.of(kindergarten)));
        assertThat(step).isInstanceOfSatisfying(EscortStep.Stop.class, s -> {
            assertThat(s.reason()).isEqualTo(EscortStep.Reason.TARGET_IN_EXCLUSION);
            assertThat(s.detail()).contains("Kindergarten grounds");
        });
        // the same zone 10 m off the line does not stop it
        Zone aside = new Zone("kg", "Kindergarten grounds", new ZoneShape.Circle(new GeoPoint(north(OFFICER, 3).latDeg(),
                OFFICER.lonDeg() + 10 / (M_PER_DEG_LAT * Math.cos(Math.toRadians(OFFICER.latDeg())))), 1.5), ZoneKind.EXCLUSION,
                null, null, ZoneCategory.TEMPORARY_RESTRICTION, null, null);
        assertThat(follow.next("rover-1", north(OFFICER, 20), OFFICER, NOW, NOW, ZoneIndex.of(List.of(aside))))
                .isInstanceOf(EscortStep.MoveTo.class);
    }
}
