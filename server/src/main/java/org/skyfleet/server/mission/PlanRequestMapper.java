package org.skyfleet.server.mission;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.Pattern;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.SplitPolicy;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.inspection.InspectionParameters;
import org.skyfleet.planner.patrol.Corridor;
import org.skyfleet.planner.patrol.CorridorNetwork;
import org.skyfleet.planner.patrol.PatrolParameters;
import org.skyfleet.planner.sar.SearchParameters;
import org.skyfleet.proto.v1.PlanMissionRequest;

/**
 * A plan request from the API, completed from the fleet's live state where the caller left a vehicle's
 * start, home or battery unset; and a plan back to the API.
 */
final class PlanRequestMapper {
    private final VehicleRegistry vehicles;
    private final LiveEndurance endurance;

    PlanRequestMapper(VehicleRegistry vehicles, LiveEndurance endurance) {
        this.vehicles = vehicles;
        this.endurance = endurance;
    }

    /** @param notes gets what was taken from the fleet's aircraft records for each vehicle */
    PlanRequest toPlanner(PlanMissionRequest r, List<String> notes) {
        if (r.getPatternValue() == 0) {
            throw new IllegalArgumentException("pattern is required");
        }
        Pattern pattern = Pattern.values()[PlannerProtoMapper.checkedIndex(r.getPatternValue() - 1, Pattern.values().length, "pattern")];
        List<VehicleProfile> profiles = new ArrayList<>(r.getVehiclesCount());
        for (var v : r.getVehiclesList()) {
            profiles.add(profile(v, notes));
        }
        SplitPolicy split = r.getSplitValue() == 0 ? SplitPolicy.FIRST_VEHICLE
                : SplitPolicy.values()[PlannerProtoMapper.checkedIndex(r.getSplitValue() - 1, SplitPolicy.values().length, "split policy")];
        return new PlanRequest(pattern,
                r.hasArea() ? PlannerProtoMapper.polygon(r.getArea()) : null,
                r.hasDatum() ? PlannerProtoMapper.point(r.getDatum()) : null,
                r.hasCamera() ? new CameraModel(r.getCamera().getHFovDeg(), r.getCamera().getAltitudeAglM(),
                        r.getCamera().getSideOverlapPercent()) : null,
                profiles,
                PlannerProtoMapper.airspace(r.getAirspace(), r.hasAirspace()),
                PlannerProtoMapper.reserve(r.getReserve(), r.hasReserve()),
                split,
                r.hasSearch() ? new SearchParameters(r.getSearch().getRadiusM(), r.getSearch().getCourseDeg(),
                        r.getSearch().getSecondPass()) : null,
                r.hasPatrol() ? patrol(r.getPatrol()) : null,
                r.hasInspection() ? new InspectionParameters(r.getInspection().getOrbitRadiusM(),
                        r.getInspection().getOrbitTurns(), r.getInspection().getAltRelM()) : null);
    }

    /**
     * The profile as given, with unset fields taken from the vehicle's live state when it is known, and its
     * endurance and charge no more than its aircraft records allow ({@link LiveEndurance}).
     */
    VehicleProfile profile(org.skyfleet.proto.v1.VehicleProfile v, List<String> notes) {
        LiveEndurance.Applied applied = endurance.apply(given(v), v.hasBatteryPercent());
        notes.addAll(applied.notes());
        return applied.profile();
    }

    private VehicleProfile given(org.skyfleet.proto.v1.VehicleProfile v) {
        VehicleState live = v.getVehicleId().isEmpty() ? null : vehicles.find(v.getVehicleId()).orElse(null);
        GeoPoint start = v.hasStart() ? PlannerProtoMapper.point(v.getStart())
                : live != null && live.position() != null ? new GeoPoint(live.position().latDeg(), live.position().lonDeg()) : null;
        if (start == null) {
            throw new IllegalArgumentException("vehicle '" + v.getVehicleId()
                    + "': start is required (the vehicle is not known to the fleet or has no position yet)");
        }
        GeoPoint home = v.hasHome() ? PlannerProtoMapper.point(v.getHome())
                : live != null && live.home() != null ? new GeoPoint(live.home().latDeg(), live.home().lonDeg()) : start;
        double battery = v.hasBatteryPercent() ? v.getBatteryPercent()
                : live != null && live.battery() != null && !Double.isNaN(live.battery().remainingPercent())
                ? live.battery().remainingPercent() : 100;
        VehicleKind kind = switch (v.getType()) {
            case VEHICLE_TYPE_GROUND_ROVER -> VehicleKind.GROUND_ROBOT;
            case VEHICLE_TYPE_UNSPECIFIED -> live != null && live.identity().kind().isSurface()
                    ? VehicleKind.GROUND_ROBOT : VehicleKind.MULTICOPTER;
            default -> VehicleKind.MULTICOPTER;
        };
        return new VehicleProfile(v.getVehicleId(), kind, start, home, v.getCruiseSpeedMS(), v.getClimbRateMS(),
                v.getEnduranceS(), battery);
    }

    private static PatrolParameters patrol(org.skyfleet.proto.v1.PatrolParameters p) {
        CorridorNetwork network = p.getCorridorNodesCount() == 0 ? null : new CorridorNetwork(
                p.getCorridorNodesList().stream().map(PlannerProtoMapper::point).toList(),
                p.getCorridorsList().stream().map(c -> new Corridor(c.getFromNode(), c.getToNode())).toList());
        return new PatrolParameters(p.getCheckpointsList().stream().map(PlannerProtoMapper::point).toList(), network,
                p.getLaps(), p.getPeriodS(), p.getAltRelM(), p.getSnapToleranceM());
    }

    static org.skyfleet.proto.v1.Plan toProto(Plan plan) {
        var b = org.skyfleet.proto.v1.Plan.newBuilder()
                .setPatternValue(plan.pattern().ordinal() + 1)
                .setMetrics(PlannerProtoMapper.metrics(plan.metrics()))
                .setSweepWidthM(plan.sweepWidthM());
        plan.routes().forEach(r -> b.addRoutes(route(r)));
        plan.footprint().forEach(f -> b.addFootprint(PlannerProtoMapper.polygon(f)));
        plan.warnings().forEach(w -> b.addWarnings(PlannerProtoMapper.violation(w)));
        return b.build();
    }

    static org.skyfleet.proto.v1.VehicleRoute route(VehicleRoute r) {
        var b = org.skyfleet.proto.v1.VehicleRoute.newBuilder().setVehicleId(r.vehicleId())
                .setMetrics(PlannerProtoMapper.metrics(r.metrics())).setRequiredS(r.requiredS()).setAvailableS(r.availableS());
        r.waypoints().forEach(w -> b.addWaypoints(PlannerProtoMapper.waypoint(w)));
        r.assignedArea().forEach(a -> b.addAssignedArea(PlannerProtoMapper.polygon(a)));
        return b.build();
    }

    static VehicleRoute route(org.skyfleet.proto.v1.VehicleRoute r) {
        return new VehicleRoute(r.getVehicleId(), r.getWaypointsList().stream().map(PlannerProtoMapper::waypoint).toList(),
                PlannerProtoMapper.metrics(r.getMetrics()),
                r.getAssignedAreaList().stream().map(PlannerProtoMapper::polygon).toList(), r.getRequiredS(), r.getAvailableS());
    }

    static Plan plan(org.skyfleet.proto.v1.Plan p) {
        if (p.getPatternValue() == 0 || p.getRoutesCount() == 0) {
            throw new IllegalArgumentException("plan: pattern and at least one route are required (pass the plan PlanMission returned)");
        }
        return new Plan(Pattern.values()[PlannerProtoMapper.checkedIndex(p.getPatternValue() - 1, Pattern.values().length, "pattern")],
                p.getRoutesList().stream().map(PlanRequestMapper::route).toList(), PlannerProtoMapper.metrics(p.getMetrics()),
                p.getFootprintList().stream().map(PlannerProtoMapper::polygon).toList(), p.getSweepWidthM(), List.of());
    }
}
