package org.skyfleet.planner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPolygon;

class QgcPlanTest {
  private final AirspaceZone nfz =
      AirspaceZone.of("nfz", GeoPolygon.of(TestAreas.ring(200, 200, 300, 200, 300, 300, 200, 300)));

  @Test
  void exportWritesAQgcPlanThatImportsBack() throws Exception {
    String json = QgcPlanExport.toJson(ExportFixtures.route(), VehicleKind.MULTICOPTER, TestAreas.ORIGIN, 12,
        Airspace.OPEN.withExclusions(List.of(nfz)));
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.path("fileType").asText()).isEqualTo("Plan");
    assertThat(root.path("mission").path("items")).hasSize(5);
    assertThat(root.path("mission").path("items").get(0).path("frame").asInt()).isEqualTo(3);
    assertThat(root.path("mission").path("items").get(0).path("params").get(3).isNull()).isTrue();

    QgcPlanImport.Imported back = QgcPlanImport.parse(json);
    assertThat(back.waypoints()).extracting(w -> w.action()).containsExactly(WaypointAction.TAKEOFF,
        WaypointAction.NAVIGATE, WaypointAction.LOITER, WaypointAction.RETURN_TO_LAUNCH);
    assertThat(back.waypoints().get(2).holdS()).isEqualTo(30);
    assertThat(back.waypoints().get(1).latDeg()).isCloseTo(ExportFixtures.route().waypoints().get(1).latDeg(),
        offset(1e-7));
    assertThat(back.exclusions()).hasSize(1);
    assertThat(back.exclusions().get(0).polygon().outer()).hasSize(4);
  }

  @Test
  void importsCircleFencesAsPolygonsThatNeverWidenWhatIsAllowed() {
    String json = """
        {"fileType":"Plan","version":1,"groundStation":"QGroundControl",
         "mission":{"version":2,"plannedHomePosition":[47.3769,8.5417,0],"items":[
           {"type":"SimpleItem","command":22,"frame":3,"params":[0,0,0,null,null,null,30],"autoContinue":true},
           {"type":"SimpleItem","command":16,"frame":3,"params":[0,0,0,null,47.3779,8.5417,30],"autoContinue":true}]},
         "geoFence":{"version":2,"polygons":[],"circles":[
           {"circle":{"center":[47.3769,8.5417],"radius":100},"inclusion":false,"version":1},
           {"circle":{"center":[47.3769,8.5417],"radius":1000},"inclusion":true,"version":1}]},
         "rallyPoints":{"version":2,"points":[]}}
        """;
    QgcPlanImport.Imported imp = QgcPlanImport.parse(json);
    assertThat(imp.waypoints()).hasSize(2);
    assertThat(imp.waypoints().get(0).latDeg()).isEqualTo(47.3769);
    Polygon excl = AreaGeometry.project(imp.exclusions().get(0).polygon(), TestAreas.FRAME, PlannerLimits.DEFAULTS, "e");
    Polygon incl = AreaGeometry.project(imp.inclusions().get(0).polygon(), TestAreas.FRAME, PlannerLimits.DEFAULTS, "i");
    assertThat(excl.getArea()).isGreaterThan(Math.PI * 100 * 100);
    assertThat(incl.getArea()).isLessThan(Math.PI * 1000 * 1000).isGreaterThan(0.99 * Math.PI * 1000 * 1000);
  }

  @Test
  void complexItemsAndGarbageAreRefusedWithAMessage() {
    String survey = """
        {"fileType":"Plan","mission":{"items":[{"type":"ComplexItem","complexItemType":"survey"}]}}
        """;
    assertThatThrownBy(() -> QgcPlanImport.parse(survey)).isInstanceOf(PlanningException.class)
        .hasMessageContaining("mission item 0 is a survey");
    assertThatThrownBy(() -> QgcPlanImport.parse("{not json")).hasMessageContaining("not a QGroundControl plan");
  }
}
