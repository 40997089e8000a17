package org.skyfleet.server.mission;

import java.util.NoSuchElementException;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.export.GeoJsonExport;
import org.skyfleet.planner.export.KmlExport;
import org.skyfleet.planner.export.MavlinkMissionExport;
import org.skyfleet.planner.export.MavlinkMissionItem;
import org.skyfleet.planner.export.QgcPlanExport;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.ExportMissionRequest;
import org.skyfleet.proto.v1.ExportMissionResponse;
import org.skyfleet.proto.v1.MissionItem;
import org.skyfleet.proto.v1.VehicleType;

/** ExportMission: one planned route as MAVLink mission items, a QGroundControl .plan, GeoJSON or KML. */
final class MissionExport {
    private MissionExport() {
    }

    static ExportMissionResponse export(ExportMissionRequest request) {
        if (request.getPlan().getRoutesCount() == 0) {
            throw new IllegalArgumentException("plan has no routes: pass a plan returned by PlanMission");
        }
        Plan plan = PlanRequestMapper.plan(request.getPlan());
        VehicleRoute route = request.getVehicleId().isEmpty() ? plan.routes().get(0)
                : plan.routes().stream().filter(r -> r.vehicleId().equals(request.getVehicleId())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the plan has no route for vehicle '"
                        + request.getVehicleId() + "'"));
        if (route.waypoints().isEmpty()) {
            throw new IllegalArgumentException("the route of vehicle '" + route.vehicleId() + "' has no waypoints");
        }
        ExportMissionResponse.Builder b = ExportMissionResponse.newBuilder();
        switch (request.getFormat()) {
            case EXPORT_FORMAT_MAVLINK_ITEMS -> MavlinkMissionExport.items(route, request.getCruiseSpeedMS())
                    .forEach(i -> b.addItems(item(i)));
            case EXPORT_FORMAT_QGC_PLAN -> {
                Waypoint first = route.waypoints().get(0);
                GeoPoint home = request.hasHome() ? PlannerProtoMapper.point(request.getHome())
                        : new GeoPoint(first.latDeg(), first.lonDeg());
                VehicleKind kind = request.getVehicleType() == VehicleType.VEHICLE_TYPE_GROUND_ROVER
                        ? VehicleKind.GROUND_ROBOT : VehicleKind.MULTICOPTER;
                b.setText(QgcPlanExport.toJson(route, kind, home, request.getCruiseSpeedMS(),
                        PlannerProtoMapper.airspace(request.getAirspace(), request.hasAirspace())));
            }
            case EXPORT_FORMAT_GEOJSON -> b.setText(GeoJsonExport.plan(plan,
                    request.hasArea() ? PlannerProtoMapper.polygon(request.getArea()) : null,
                    PlannerProtoMapper.airspace(request.getAirspace(), request.hasAirspace()).exclusions()));
            case EXPORT_FORMAT_KML -> b.setText(KmlExport.plan(plan,
                    request.hasArea() ? PlannerProtoMapper.polygon(request.getArea()) : null,
                    request.getName().isEmpty() ? "SkyFleet plan" : request.getName()));
            default -> throw new IllegalArgumentException("format is required: MAVLINK_ITEMS, QGC_PLAN, GEOJSON or KML");
        }
        return b.build();
    }

    private static MissionItem item(MavlinkMissionItem i) {
        return MissionItem.newBuilder().setSeq(i.seq()).setFrame(i.frame()).setCommand(i.command())
                .setParam1(i.param1()).setParam2(i.param2()).setParam3(i.param3()).setParam4(i.param4())
                .setXDegE7(i.xDegE7()).setYDegE7(i.yDegE7()).setZM(i.zM()).setAutocontinue(i.autocontinue()).build();
    }
}
