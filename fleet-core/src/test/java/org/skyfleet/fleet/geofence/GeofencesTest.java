package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

class GeofencesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final GeoPoint P = TestZones.at(0, 0);

    private final InMemoryZoneStore store = new InMemoryZoneStore();
    private final Geofences geofences = new Geofences(store);

    @Test
    void savedZoneIsInTheNextIndexAndAnOldSnapshotStaysAsItWas() {
        ZoneIndex before = geofences.index();
        geofences.save(squareExclusion("sq", 0, 0, 100));

        assertThat(before.check("d1", VehicleKind.MULTICOPTER, P.latDeg(), P.lonDeg(), 10, NOW)).isEmpty();
        assertThat(geofences.index().check("d1", VehicleKind.MULTICOPTER, P.latDeg(), P.lonDeg(), 10, NOW)).hasSize(1);
        assertThat(geofences.get("sq")).isPresent();
    }

    @Test
    void invalidZoneIsRefusedWithEveryViolationAndNothingIsStored() {
        Zone bad = squareExclusion("bad", 0, 0, 100).withBand(AltitudeBand.relative(200, 100))
                .withSchedule(new ZoneSchedule.Between(NOW, NOW));

        assertThatThrownBy(() -> geofences.save(bad)).isInstanceOfSatisfying(InvalidZoneException.class, e ->
                assertThat(e.violations()).extracting(ZoneViolation::rule)
                        .containsExactly("FLOOR_BELOW_CEILING", "SCHEDULE_STARTS"));
        assertThat(store.all()).isEmpty();
        assertThat(geofences.index().size()).isZero();
    }

    @Test
    void updateReplacesAndDeleteRemoves() {
        geofences.save(squareExclusion("sq", 0, 0, 100));
        geofences.save(squareExclusion("sq", 1000, 0, 100));

        assertThat(geofences.index().size()).isEqualTo(1);
        assertThat(geofences.index().check("d1", VehicleKind.MULTICOPTER, P.latDeg(), P.lonDeg(), 10, NOW)).isEmpty();
        assertThat(geofences.delete("sq")).isTrue();
        assertThat(geofences.delete("sq")).isFalse();
        assertThat(geofences.index().size()).isZero();
        assertThat(geofences.all()).isEmpty();
    }

    @Test
    void importStoresAllOrNothing() {
        Zone good = squareExclusion("a", 0, 0, 100);
        Zone bad = TestZones.circleExclusion("b", 0, 0, 0);

        assertThatThrownBy(() -> geofences.saveAll(java.util.List.of(good, bad)))
                .isInstanceOf(InvalidZoneException.class).hasMessageContaining("CIRCLE_RADIUS_POSITIVE (zone b)");
        assertThat(store.all()).isEmpty();
        geofences.saveAll(java.util.List.of(good, squareExclusion("c", 500, 0, 100)));
        assertThat(geofences.index().size()).isEqualTo(2);
    }

    @Test
    void zonesAlreadyInTheStoreAreLoaded() {
        store.put(squareExclusion("sq", 0, 0, 100));
        assertThat(new Geofences(store).index().size()).isEqualTo(1);
    }

    @Test
    void reloadEnforcesWhatAnotherWriterOfTheStoreChangedAndKeepsUnchangedZonesCompiled() {
        geofences.save(squareExclusion("kept", 5000, 0, 100));
        Geofences other = new Geofences(store); // another node on the same database
        other.save(squareExclusion("sq", 0, 0, 100));
        ZoneIndex before = geofences.index();

        assertThat(geofences.reload()).isTrue();
        assertThat(geofences.index().check("d1", VehicleKind.MULTICOPTER, P.latDeg(), P.lonDeg(), 10, NOW)).hasSize(1);
        assertThat(geofences.reload()).as("nothing changed since").isFalse();
        assertThat(geofences.index()).isNotSameAs(before);

        other.delete("sq");
        assertThat(geofences.reload()).isTrue();
        assertThat(geofences.index().check("d1", VehicleKind.MULTICOPTER, P.latDeg(), P.lonDeg(), 10, NOW)).isEmpty();
        assertThat(geofences.index().size()).isEqualTo(1);
    }

    @Test
    void changeListenersHearStoredWritesButNotReloads() {
        java.util.List<String> heard = new java.util.ArrayList<>();
        geofences.onChange(heard::add);
        geofences.save(squareExclusion("a", 0, 0, 100));
        geofences.saveAll(java.util.List.of(squareExclusion("b", 500, 0, 100), squareExclusion("c", 900, 0, 100)));
        assertThat(geofences.delete("nope")).isFalse();
        geofences.delete("a");
        new Geofences(store).save(squareExclusion("d", 2000, 0, 100));
        geofences.reload();

        assertThat(heard).containsExactly("a", "", "a");
    }
}
