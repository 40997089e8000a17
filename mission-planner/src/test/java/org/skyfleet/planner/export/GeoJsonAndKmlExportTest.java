package org.skyfleet.planner.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.SplitPolicy;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPolygon;

class GeoJsonAndKmlExportTest {
  private final GeoPolygon area = TestAreas.withHoles(600, 2, 1);
  private final Plan plan = new MissionPlanner().plan(PlanRequest.coverage(area, new CameraModel(70, 40, 20),
      List.of(TestAreas.drone("d1", -10, -10)), Airspace.OPEN, SplitPolicy.FIRST_VEHICLE));

  @Test
  void geoJsonHoldsAreaRouteWaypointsAndFootprintInLonLatOrder() throws Exception {
    JsonNode fc = new ObjectMapper().readTree(GeoJsonExport.plan(plan, area, List.of()));
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    List<String> kinds = new ArrayList<>();
    fc.path("features").forEach(f -> kinds.add(f.path("properties").path("kind").asText()));
    assertThat(kinds).contains("area", "route", "waypoint", "footprint");
    JsonNode areaGeom = fc.path("features").get(0).path("geometry");
    assertThat(areaGeom.path("coordinates")).hasSize(3);
    JsonNode first = areaGeom.path("coordinates").get(0).get(0);
    assertThat(first.get(0).asDouble()).isBetween(8.0, 9.0);
    assertThat(first.get(1).asDouble()).isBetween(47.0, 48.0);
  }

  @Test
  void areasAloneAreAFeatureCollectionOfAreaAndZones() throws Exception {
    var zone = org.skyfleet.planner.airspace.AirspaceZone.of("nfz", TestAreas.rectangle(50, 50));
    JsonNode fc = new ObjectMapper().readTree(GeoJsonExport.areas(area, List.of(zone)));
    assertThat(fc.path("features")).hasSize(2);
    assertThat(fc.path("features").get(1).path("properties").path("name").asText()).isEqualTo("nfz");
  }

  @Test
  void kmlHasOnePlacemarkPerRouteWithRelativeAltitudes() {
    String kml = KmlExport.plan(plan, area, "search <north>");
    assertThat(kml).startsWith("<?xml").contains("<name>search &lt;north&gt;</name>")
        .contains("<innerBoundaryIs>").contains("<altitudeMode>relativeToGround</altitudeMode>")
        .contains("<name>d1</name>").contains("<name>footprint</name>");
  }
}
