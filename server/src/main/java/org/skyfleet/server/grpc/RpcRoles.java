package org.skyfleet.server.grpc;

import static org.skyfleet.fleet.control.Operator.Role.AUTOMATION;
import static org.skyfleet.fleet.control.Operator.Role.COMMANDER;
import static org.skyfleet.fleet.control.Operator.Role.DISPATCHER;
import static org.skyfleet.fleet.control.Operator.Role.OFFICER;
import static org.skyfleet.fleet.control.Operator.Role.PILOT;
import static org.skyfleet.fleet.control.Operator.Role.VEHICLE_EDGE;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.control.Operator.Role;

/**
 * Which roles may call each RPC: the one table to review. Admins may call everything. Watching the
 * fleet, missions, zones, incidents and tracks is for the command centre's roles; an officer sees only
 * their own position and assignments, and a vehicle's edge computer only reports sightings. Some
 * handlers check more (a lease held, an officer acting for their own unit); none checks less.
 *
 * <p>A method missing from the table is refused: a new RPC is closed until someone decides who may
 * call it (RpcRolesTest fails for any bound method without an entry).
 */
public final class RpcRoles {
    /** The command centre: whoever may watch everything (admins too). */
    public static final Set<Role> WATCHERS = Set.copyOf(EnumSet.of(PILOT, COMMANDER, DISPATCHER, AUTOMATION));
    /** Who may act on vehicles (leases, commands, missions): the same as {@link Role#mayCommand()}. */
    private static final Set<Role> FLYERS = EnumSet.of(PILOT, COMMANDER, AUTOMATION);

    private static final Map<String, Set<Role>> TABLE = new HashMap<>();

    static {
        String fleet = "skyfleet.v1.FleetService/";
        allow(WATCHERS, fleet + "ListVehicles", fleet + "GetVehicle", fleet + "GetPositionHistory", fleet + "GetControl",
                fleet + "StreamControlChanges");
        allow(FLYERS, fleet + "AcquireControl", fleet + "ReleaseControl", fleet + "SendCommand", fleet + "UploadFence");
        allow(EnumSet.of(COMMANDER), fleet + "TakeOverControl");
        // a person vouches for a vehicle's new address: a commander, or the pilot holding its lease (checked by the handler)
        allow(EnumSet.of(PILOT, COMMANDER), fleet + "ConfirmLinkClaim");

        String mission = "skyfleet.v1.MissionService/";
        allow(FLYERS, mission + "PlanMission", mission + "ValidateMission", mission + "ExportMission", mission + "ImportMission",
                mission + "CreateMission", mission + "ApproveMission", mission + "UploadMission", mission + "StartMission",
                mission + "PauseMission", mission + "ResumeMission", mission + "AbortMission", mission + "LaunchMissions");
        allow(WATCHERS, mission + "GetMission", mission + "ListMissions", mission + "StreamMissionProgress");

        String zones = "skyfleet.v1.GeofenceService/";
        // Zones are the admins' (charts, standing restrictions); a commander may declare one for an incident.
        allow(EnumSet.of(COMMANDER), zones + "CreateZone", zones + "UpdateZone", zones + "DeleteZone", zones + "ImportGeoJson");
        allow(WATCHERS, zones + "GetZone", zones + "ListZones", zones + "CheckRoute", zones + "ExportGeoJson");

        allow(WATCHERS, "skyfleet.v1.TelemetryService/StreamVehicleStates", "skyfleet.v1.TelemetryService/StreamEvents");
        allow(EnumSet.of(COMMANDER), "skyfleet.v1.AuditService/ListAuditEntries");

        String vessel = "skyfleet.v1.VesselService/";
        allow(WATCHERS, vessel + "ListVessels", vessel + "GetVessel", vessel + "StreamVessels", vessel + "GetVesselTrack",
                vessel + "ListVesselAlerts");
        allow(FLYERS, vessel + "ApproveVesselCheck", vessel + "RejectVesselCheck");

        allow(WATCHERS, "skyfleet.v1.GateService/ListGates", "skyfleet.v1.GateService/StreamGateEvents",
                "skyfleet.v1.GateService/ListWatchedSubjects");
        allow(EnumSet.of(COMMANDER), "skyfleet.v1.GateService/WatchSubject", "skyfleet.v1.GateService/UnwatchSubject");
        // revoking a token, or learning which are revoked, is the admins' alone
        allow(EnumSet.noneOf(Role.class), "skyfleet.v1.AuthService/RevokeToken", "skyfleet.v1.AuthService/ListRevokedTokens");

        String aircraft = "skyfleet.v1.AircraftService/";
        // the aviation unit keeps its aircraft's records: its pilots (and admins); deleting a profile is the admins' alone
        allow(EnumSet.of(PILOT), aircraft + "CreateAirframeProfile", aircraft + "UpdateAirframeProfile",
                aircraft + "BindVehicleAirframe", aircraft + "UnbindVehicleAirframe");
        allow(EnumSet.noneOf(Role.class), aircraft + "DeleteAirframeProfile");
        allow(WATCHERS, aircraft + "GetAirframeProfile", aircraft + "ListAirframeProfiles", aircraft + "ListVehicleAirframes",
                aircraft + "ListBatteryPacks", aircraft + "ListFlights", aircraft + "ExportFlightsCsv", aircraft + "ExportFlightGeoJson",
                aircraft + "GetFlightTotals");
        allow(EnumSet.of(PILOT), aircraft + "RecordMaintenance");
        allow(EnumSet.of(PILOT), aircraft + "RegisterBatteryPack", aircraft + "InstallBatteryPack", aircraft + "RecordBatteryCharge");
        // letting a worn pack fly is the admins' alone
        allow(EnumSet.noneOf(Role.class), aircraft + "ClearBatteryPack");

        String docks = "skyfleet.v1.DockService/";
        allow(WATCHERS, docks + "ListDocks");
        // a person at the vehicle swaps its pack: its pilot or a commander
        allow(EnumSet.of(PILOT, COMMANDER), docks + "SwapBattery");

        String incident = "skyfleet.v1.IncidentService/";
        allow(EnumSet.of(DISPATCHER, COMMANDER, AUTOMATION), incident + "CreateIncident");
        allow(EnumSet.of(COMMANDER, DISPATCHER), incident + "CloseIncident");
        allow(FLYERS, incident + "ApproveSearch", incident + "RejectSearch");
        allow(WATCHERS, incident + "GetIncident", incident + "ListIncidents", incident + "StreamIncidents",
                incident + "GetSearchMap");

        String response = "skyfleet.v1.ResponseService/";
        allow(WATCHERS, response + "GetResponsePolicy", response + "GetTimeToScene");
        // which calls launch a drone by themselves is the admins' alone
        allow(EnumSet.noneOf(Role.class), response + "SetResponsePolicy");
        allow(FLYERS, response + "ApproveResponse", response + "ReportWind");
        allow(EnumSet.of(PILOT, COMMANDER), response + "ReleaseResponse");

        String sighting = "skyfleet.v1.SightingService/";
        allow(EnumSet.of(VEHICLE_EDGE, OFFICER, DISPATCHER, COMMANDER, AUTOMATION), sighting + "ReportSighting");
        allow(WATCHERS, sighting + "StreamTracks", sighting + "ListTracks");

        String video = "skyfleet.v1.VideoService/";
        allow(WATCHERS, video + "ListStreams", video + "GetStream");
        allow(EnumSet.of(PILOT, COMMANDER), video + "RegisterStream", video + "AcceptPush", video + "RemoveStream");

        String camera = "skyfleet.v1.CameraService/";
        // the camera is part of flying the vehicle: whoever may fly may ask (the handler checks the lease)
        allow(FLYERS, camera + "PointGimbal", camera + "SetZoom", camera + "TakePhoto", camera + "StartRecording",
                camera + "StopRecording");
        allow(WATCHERS, camera + "GetCameraState");

        String evidence = "skyfleet.v1.EvidenceService/";
        // exporting evidence is a commander's (and an admin's); deleting it is the admins' alone
        allow(EnumSet.of(COMMANDER), evidence + "ListEvidenceSegments", evidence + "DownloadEvidenceSegment");
        allow(EnumSet.noneOf(Role.class), evidence + "DeleteEvidence");

        String dispatch = "skyfleet.v1.DispatchService/";
        allow(EnumSet.of(OFFICER, DISPATCHER, AUTOMATION), dispatch + "ReportUnitPositions");
        allow(WATCHERS, dispatch + "ListUnits");
        allow(EnumSet.of(OFFICER, DISPATCHER, COMMANDER, AUTOMATION), dispatch + "StreamAssignments");
        allow(EnumSet.of(OFFICER, DISPATCHER), dispatch + "AcknowledgeAssignment", dispatch + "ReportArrival");
        allow(WATCHERS, dispatch + "ListAssignments");

        String robot = "skyfleet.v1.RobotService/";
        // the dispatcher and commander task robots; an officer pairs a robot with their own unit (checked by the handler)
        allow(EnumSet.of(OFFICER, DISPATCHER, COMMANDER), robot + "PairRobot", robot + "UnpairRobot");
        allow(WATCHERS, robot + "ListRobots");

        String replay = "skyfleet.v1.ReplayService/";
        // after-action review is the command centre's people's: not automation, officers or vehicles
        allow(EnumSet.of(PILOT, COMMANDER, DISPATCHER), replay + "GetIncidentReplay", replay + "GetMissionReplay");
    }

    private RpcRoles() {
    }

    private static void allow(Set<Role> roles, String... methods) {
        for (String m : methods) {
            EnumSet<Role> r = EnumSet.copyOf(roles);
            r.add(Role.ADMIN);
            if (TABLE.put(m, Set.copyOf(r)) != null) {
                throw new IllegalStateException("roles of " + m + " given twice");
            }
        }
    }

    /** Whether every command-centre role may call it: watching, which a caller that named no one may do in a lab. */
    public static boolean isWatching(String fullMethodName) {
        Set<Role> roles = TABLE.get(fullMethodName);
        return roles != null && roles.containsAll(WATCHERS);
    }

    /** The roles that may call {@code fullMethodName}; empty when the method is not in the table. */
    public static Optional<Set<Role>> of(String fullMethodName) {
        return Optional.ofNullable(TABLE.get(fullMethodName));
    }
}
