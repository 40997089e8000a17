package org.skyfleet.app.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.dispatch.EtaModel;
import org.skyfleet.fleet.dispatch.RoadNetworkEta;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A road file across the Yong river: the patrol car nearest the sighting as the crow flies is on the other
 * bank, 300 m away but 6 km by the only bridge; the car 800 m up the same bank gets the job when dispatch drives
 * the roads, and the wrong one when it measures straight lines. The map's other features share the file and
 * are skipped.
 */
class GeoJsonRoadsTest {
    private static final double LAT = 29.8717;
    private static final double LON = 121.5547;
    /** Degrees of latitude and longitude per metre here. */
    private static final double DLAT = 1 / 111_320.0;
    private static final double DLON = 1 / (111_320.0 * Math.cos(Math.toRadians(LAT)));

    @TempDir
    Path dir;

    private static String at(double eastM, double northM) {
        return "[" + (LON + eastM * DLON) + "," + (LAT + northM * DLAT) + "]";
    }

    private static GeoPoint point(double eastM, double northM) {
        return new GeoPoint(LAT + northM * DLAT, LON + eastM * DLON);
    }

    private Path riverFile() throws Exception {
        // north bank road at y = 0 from x = -800 to the bridge at x = 3000; south bank road at y = -300 to the bridge
        String north = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                + at(-800, 0) + "," + at(0, 0) + "," + at(3000, 0) + "]}}";
        String bridge = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":[["
                + at(3000, 0) + "," + at(3000, -300) + "]]}}";
        String south = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                + at(0, -300) + "," + at(3000, -300) + "]}}";
        String water = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"water\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
                + at(-1000, -50) + "," + at(4000, -50) + "," + at(4000, -250) + "," + at(-1000, -250) + "," + at(-1000, -50) + "]]}}";
        String outline = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"park\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                + at(-100, 100) + "," + at(100, 100) + "]}}";
        Path f = dir.resolve("yong-river.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", north, bridge, south, water, outline) + "]}");
        return f;
    }

    private static String dispatched(EtaModel eta) {
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-07T10:00:00Z"));
        Dispatcher d = new Dispatcher(new UnitRoster(clock), eta, clock, Duration.ofSeconds(60));
        d.roster().report("car-south", UnitType.PATROL_CAR, "南岸 1", point(0, -300), 5, UnitStatus.AVAILABLE, null);
        d.roster().report("car-north", UnitType.PATROL_CAR, "北岸 2", point(-800, 0), 5, UnitStatus.AVAILABLE, null);
        return d.dispatch("inc-1", "trk-1", point(0, 10), "").orElseThrow().unitId();
    }

    @Test
    void theCarOnTheSameBankGetsTheJobByRoadAndTheOneAcrossTheRiverByStraightLine() throws Exception {
        List<List<GeoPoint>> roads = GeoJsonRoads.read(riverFile());
        assertThat(roads).as("three road lines; the water and the park outline skipped").hasSize(3);

        assertThat(dispatched(EtaModel.straightLine())).isEqualTo("car-south");
        assertThat(dispatched(new RoadNetworkEta(roads))).isEqualTo("car-north");
    }

    @Test
    void theDemosMapFeaturesHoldRoadNetworks() throws Exception {
        List<List<GeoPoint>> roads = GeoJsonRoads.readAll(Path.of("..", "scenarios", "maps"));
        assertThat(roads).as("the road lines of Dongbu Xincheng (14) and Liuheng (3)").hasSize(17);
        assertThat(new RoadNetworkEta(roads).nodeCount()).isGreaterThan(17);
    }

    @Test
    void aFileWithoutRoadsOrWithAOnePointRoadIsRefusedNamingWhy() throws Exception {
        Path none = dir.resolve("none.geojson");
        Files.writeString(none, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertThatThrownBy(() -> GeoJsonRoads.read(none)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no road");
        Path short1 = dir.resolve("short.geojson");
        Files.writeString(short1, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + at(0, 0) + "]}}]}");
        assertThatThrownBy(() -> GeoJsonRoads.read(short1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1: a road needs at least two points");
    }
}
