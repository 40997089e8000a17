package org.skyfleet.fleet.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.planner.geo.GeoPoint;

class CrossingDetectorTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private final GateOutlines gates = GateOutlines.of(List.of(
            GateFixtures.square("school", GateKind.SCHOOL, 0, 0, 50),
            GateFixtures.circle("toll", GateKind.TOLL_STATION, 500, 0, 40)));
    private final CrossingDetector detector = new CrossingDetector(() -> gates);

    private List<GateCrossing> at(String id, double eastM, double northM, int second) {
        GeoPoint p = GateFixtures.at(eastM, northM);
        return detector.observe(SubjectKind.GROUND_UNIT, id, p.latDeg(), p.lonDeg(), T0.plusSeconds(second));
    }

    @Test
    void halfAMetreInsideTheOutlineIsInAndHalfAMetreOutsideIsNot() {
        assertThat(at("u1", -50.5, 0, 0)).isEmpty(); // first position: only where it is
        assertThat(at("u1", -49.5, 0, 1)).singleElement().satisfies(c -> {
            assertThat(c.gateId()).isEqualTo("school");
            assertThat(c.direction()).isEqualTo(CrossingDirection.IN);
            assertThat(c.time()).isEqualTo(T0.plusSeconds(1));
        });
        assertThat(at("u1", -49.0, 0, 2)).isEmpty(); // still inside
        assertThat(at("u1", -50.5, 0, 3)).singleElement().extracting(GateCrossing::direction).isEqualTo(CrossingDirection.OUT);
    }

    @Test
    void aCircleGateCountsJustInsideItsRadiusAndNotJustOutside() {
        at("car", 500 + 41, 0, 0);
        assertThat(at("car", 500 + 39, 0, 1)).extracting(GateCrossing::gateId).containsExactly("toll");
        assertThat(at("car", 500 + 41, 0, 2)).extracting(GateCrossing::direction).containsExactly(CrossingDirection.OUT);
    }

    @Test
    void aSubjectThatPassesThroughBetweenTwoPositionsCountsInAndOut() {
        at("drone", -80, 10, 0);
        assertThat(at("drone", 80, 10, 1)).extracting(GateCrossing::direction)
                .containsExactly(CrossingDirection.IN, CrossingDirection.OUT);
        // a path that misses the north-west corner (-50, 50) by 1.06 m counts nothing; one that cuts it by 0.7 m counts
        at("other", -80, 21.5, 0);
        assertThat(at("other", -21.5, 80, 1)).isEmpty();
        at("third", -80, 19, 0);
        assertThat(at("third", -19, 80, 1)).hasSize(2);
    }

    @Test
    void aSubjectFirstSeenInsideCountsOutFirstAndKindsAreKeptApart() {
        GeoPoint in = GateFixtures.at(0, 0);
        GeoPoint out = GateFixtures.at(200, 0);
        assertThat(detector.observe(SubjectKind.VESSEL, "412000001", in.latDeg(), in.lonDeg(), T0)).isEmpty();
        assertThat(detector.observe(SubjectKind.TRACK, "412000001", out.latDeg(), out.lonDeg(), T0)).isEmpty();
        assertThat(detector.observe(SubjectKind.VESSEL, "412000001", out.latDeg(), out.lonDeg(), T0.plusSeconds(5)))
                .extracting(GateCrossing::direction).containsExactly(CrossingDirection.OUT);
    }

    @Test
    void forgottenSubjectsStartAgainFromTheirNextPosition() {
        at("u1", -60, 0, 0);
        assertThat(detector.retain(SubjectKind.GROUND_UNIT, Set.of())).isEqualTo(1);
        assertThat(at("u1", 0, 0, 1)).isEmpty();
    }

    @Test
    void aGateZoneNeedsAKindOfItsCategoryAndIsNeverAFenceForVehicles() {
        Zone school = GateFixtures.square("s", GateKind.SCHOOL, 0, 0, 10);
        assertThat(school.appliesTo()).isEqualTo(Zone.GATE_COUNTS_ONLY);
        assertThat(school.appliesTo().appliesTo("drone-1", null)).isFalse();
        assertThatThrownBy(() -> new Zone("x", "x", school.shape(), school.kind(), null, null, ZoneCategory.CITY_GATE, null, null,
                GateKind.SCHOOL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMALL_GATE");
        assertThatThrownBy(() -> new Zone("x", "x", school.shape(), school.kind(), null, null, ZoneCategory.SMALL_GATE, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gate kind");
        assertThatThrownBy(() -> new Zone("x", "x", school.shape(), school.kind(), null, null, ZoneCategory.PRISON, null, null,
                GateKind.SCHOOL)).isInstanceOf(IllegalArgumentException.class);
    }
}
