package org.skyfleet.fleet.vessel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VesselRegistryTest {
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void reportsMergeAndNotAvailableKeepsWhatIsKnown() {
        VesselRegistry registry = new VesselRegistry(10);
        List<Vessel> seen = new ArrayList<>();
        registry.subscribe(seen::add);
        registry.setPortFleet(PortFleet.of(List.of(new PortFleetEntry(412440001L, "ZHEPUYU 01", "Chen", "Shenjiamen"))));
        registry.reportPosition(412440001L, 0, 29.9, 122.3, 3.0, 90, 88, T0);
        registry.reportStatic(412440001L, "ZHE PU YU 01", "BZXY1", 30, 0, null, T0.plusSeconds(1));
        registry.reportPosition(412440001L, 15, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, T0.plusSeconds(2));
        Vessel v = registry.get(412440001L);
        assertThat(v.name()).isEqualTo("ZHE PU YU 01");
        assertThat(v.fleet().owner()).isEqualTo("Chen");
        assertThat(v.latDeg()).isEqualTo(29.9);
        assertThat(v.navStatus()).isZero(); // "not defined" from class B does not erase a known status
        assertThat(v.positionTime()).isEqualTo(T0);
        assertThat(v.lastHeard()).isEqualTo(T0.plusSeconds(2));
        assertThat(v.isFishing()).isTrue();
        assertThat(seen).extracting(Vessel::version).containsExactly(1L, 2L, 3L);
    }

    @Test
    void newVesselsBeyondTheBoundAreRefusedAndSilentOnesForgotten() {
        VesselRegistry registry = new VesselRegistry(2);
        registry.reportPosition(1, 0, 1, 1, 0, 0, 0, T0);
        registry.reportPosition(2, 0, 1, 1, 0, 0, 0, T0.plusSeconds(60));
        registry.reportPosition(3, 0, 1, 1, 0, 0, 0, T0);
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.refusedCount()).isEqualTo(1);
        assertThat(registry.forgetSilentSince(T0.plusSeconds(30))).isEqualTo(1);
        assertThat(registry.get(1)).isNull();
    }
}
