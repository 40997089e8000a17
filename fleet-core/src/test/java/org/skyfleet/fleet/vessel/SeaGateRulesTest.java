package org.skyfleet.fleet.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.vessel.SeaGateAlert.Kind;
import org.skyfleet.planner.geo.GeoPoint;

/** Each rule just inside and just outside its limit, around a circular port off Shenjiamen. */
class SeaGateRulesTest {
    private static final Instant NIGHT = Instant.parse("2026-12-07T16:00:00Z"); // 00:00 in Zhoushan
    private static final GeoPoint PORT = new GeoPoint(29.94, 122.30);
    private static final Zone GATE = new Zone("shenjiamen", "Shenjiamen port", new ZoneShape.Circle(PORT, 2000), ZoneKind.INCLUSION,
            AltitudeBand.unlimited(), ZoneSchedule.Weekly.daily(LocalTime.of(5, 0), LocalTime.of(19, 0), "Asia/Shanghai"),
            ZoneCategory.SEA_GATE, SeaGateZones.VESSELS_ONLY, null);
    private static final Zone CHANNEL = new Zone("channel", "Xiazhimen channel", new ZoneShape.Circle(new GeoPoint(29.90, 122.40), 1000),
            ZoneKind.EXCLUSION, null, null, ZoneCategory.VESSEL_EXCLUSION, SeaGateZones.VESSELS_ONLY, null);

    private final VesselRegistry registry = new VesselRegistry(100);
    private final SeaGateRules rules = new SeaGateRules(() -> SeaGateZones.of(List.of(GATE, CHANNEL)), SeaGateRules.Limits.defaults());

    private List<SeaGateAlert> report(long mmsi, double lat, double lon, double speedMps, Instant at) {
        registry.reportPosition(mmsi, 0, lat, lon, speedMps, 90, 90, at);
        return rules.onVessel(registry.get(mmsi), at);
    }

    @Test
    void leavingAtNightIsAnAlertAndByDayIsNot() {
        assertThat(report(1, 29.94, 122.30, 3, NIGHT)).isEmpty(); // first position: where it is
        List<SeaGateAlert> left = report(1, 29.94, 122.33, 3, NIGHT.plusSeconds(60)); // ~2.9 km east: outside
        assertThat(left).extracting(SeaGateAlert::kind).containsExactly(Kind.LEFT_OUTSIDE_HOURS);
        assertThat(report(1, 29.94, 122.30, 3, NIGHT.plusSeconds(120))).extracting(SeaGateAlert::kind)
                .containsExactly(Kind.ENTERED_OUTSIDE_HOURS);
        Instant day = NIGHT.plus(Duration.ofHours(10)); // 10:00 local
        report(2, 29.94, 122.30, 3, day);
        assertThat(report(2, 29.94, 122.33, 3, day.plusSeconds(60))).isEmpty();
    }

    @Test
    void goingDarkUnderWayAtSeaIsRaisedOnceAfterTheLimit() {
        report(3, 29.80, 122.60, 4, NIGHT);
        assertThat(rules.tick(registry.all(), NIGHT.plus(Duration.ofMinutes(10)).minusSeconds(1))).isEmpty();
        List<SeaGateAlert> dark = rules.tick(registry.all(), NIGHT.plus(Duration.ofMinutes(10)));
        assertThat(dark).extracting(SeaGateAlert::kind).containsExactly(Kind.WENT_DARK);
        // 4 m/s east for 600 s: 2.4 km along the course
        assertThat(DeadReckoning.distanceM(29.80, 122.60, dark.get(0).predicted().latDeg(), dark.get(0).predicted().lonDeg()))
                .isCloseTo(2400, within(1.0));
        assertThat(rules.tick(registry.all(), NIGHT.plus(Duration.ofMinutes(20)))).isEmpty();
    }

    @Test
    void silentInPortOrStoppedIsNotDark() {
        report(4, 29.94, 122.30, 4, NIGHT); // in port
        report(5, 29.80, 122.60, 0.2, NIGHT); // drifting, not under way
        assertThat(rules.tick(registry.all(), NIGHT.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(rules.watchedCount()).isEqualTo(2);
        registry.forgetSilentSince(NIGHT.plus(Duration.ofHours(2)));
        rules.tick(registry.all(), NIGHT.plus(Duration.ofHours(2)));
        assertThat(rules.watchedCount()).as("forgotten vessels are not watched").isZero();
    }

    @Test
    void loiteringInAnExclusionZoneIsRaisedAfterTheLimit() {
        report(6, 29.90, 122.40, 0.3, NIGHT);
        report(6, 29.901, 122.401, 0.3, NIGHT.plus(Duration.ofMinutes(14)));
        assertThat(rules.tick(registry.all(), NIGHT.plus(Duration.ofMinutes(15)).minusSeconds(1))).isEmpty();
        assertThat(rules.tick(registry.all(), NIGHT.plus(Duration.ofMinutes(15)))).extracting(SeaGateAlert::kind)
                .containsExactly(Kind.LOITERING);
    }
}
