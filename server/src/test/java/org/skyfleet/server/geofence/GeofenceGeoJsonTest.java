package org.skyfleet.server.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class GeofenceGeoJsonTest {
    private static List<GeoPoint> square(double lat, double lon, double sideDeg) {
        return List.of(new GeoPoint(lat, lon), new GeoPoint(lat, lon + sideDeg), new GeoPoint(lat + sideDeg, lon + sideDeg),
                new GeoPoint(lat + sideDeg, lon), new GeoPoint(lat, lon));
    }

    @Test
    void polygonWithHoleBandKindsAndPeriodRoundTrip() {
        Zone z = new Zone("camp", "Festival", new ZoneShape.Polygon(new GeoPolygon(square(51.5, -0.13, 0.01),
                List.of(square(51.503, -0.127, 0.002)))), ZoneKind.INCLUSION, AltitudeBand.amsl(10, 150),
                new ZoneSchedule.Between(Instant.parse("2026-11-27T18:00:00Z"), null), ZoneCategory.CROWD_EVENT,
                ZoneApplicability.kinds(VehicleKind.MULTICOPTER, VehicleKind.GROUND_ROVER), BreachPolicy.HOLD);

        String json = GeofenceGeoJson.export(List.of(z));

        assertThat(json).contains("\"type\" : \"FeatureCollection\"").contains("[ -0.13, 51.5 ]");
        assertThat(GeofenceGeoJson.parse(json)).containsExactly(z);
    }

    @Test
    void pointWithRadiusImportsAsACircle() {
        String json = """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "geometry": {"type": "Point", "coordinates": [-0.4543, 51.47]},
                  "properties": {"id": "lhr", "kind": "EXCLUSION", "category": "AIRPORT", "radiusM": 5000}}]}""";

        assertThat(GeofenceGeoJson.parse(json)).singleElement().satisfies(z -> {
            assertThat(z.shape()).isEqualTo(new ZoneShape.Circle(new GeoPoint(51.47, -0.4543), 5000));
            assertThat(z.name()).isEqualTo("lhr");
            assertThat(z.policy()).isEqualTo(BreachPolicy.WARN);
            assertThat(z.band()).isEqualTo(AltitudeBand.unlimited());
        });
    }

    @Test
    void unreadableFeaturesAreNamed() {
        assertThatThrownBy(() -> GeofenceGeoJson.parse("{\"type\": \"Feature\"}")).hasMessage("expected a GeoJSON FeatureCollection");
        assertThatThrownBy(() -> GeofenceGeoJson.parse("""
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
                  "properties": {"id": "x", "kind": "EXCLUSION", "category": "AIRPORT"}}]}"""))
                .hasMessageContaining("feature 0 (id x): geometry 'LineString' is not supported");
        assertThatThrownBy(() -> GeofenceGeoJson.parse("""
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {"id": "x", "radiusM": 5,
                  "category": "AIRPORT"}}]}""")).hasMessageContaining("property 'kind' is required");
        assertThatThrownBy(() -> GeofenceGeoJson.parse("""
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {"id": "x", "radiusM": 5,
                  "kind": "EXCLUSION", "category": "AIRPORT", "schedule": {"from": "tomorrow"}}}]}"""))
                .hasMessageContaining("schedule time 'tomorrow' cannot be read");
    }
}
