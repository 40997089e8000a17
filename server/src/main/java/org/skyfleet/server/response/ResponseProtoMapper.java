package org.skyfleet.server.response;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.response.LaunchMode;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.fleet.response.ResponseStage;
import org.skyfleet.fleet.response.TimeToScene;
import org.skyfleet.proto.v1.LaunchRule;
import org.skyfleet.server.grpc.ProtoMapper;

/** The response policy and clock between the API's messages and the domain. */
final class ResponseProtoMapper {
    private static final String TYPE = "INCIDENT_TYPE_";
    private static final String PRIORITY = "INCIDENT_PRIORITY_";

    private ResponseProtoMapper() {
    }

    static org.skyfleet.proto.v1.ResponsePolicy toProto(ResponsePolicy p) {
        org.skyfleet.proto.v1.ResponsePolicy.Builder b = org.skyfleet.proto.v1.ResponsePolicy.newBuilder()
                .setApprovalTimeoutS(p.approvalTimeout().toMillis() / 1000.0).setAltitudeRelM(p.altitudeRelM())
                .setOrbitRadiusM(p.orbitRadiusM()).setOrbitSpeedMS(p.orbitSpeedMps()).setOnSceneRadiusM(p.onSceneRadiusM())
                .setMaxRangeM(p.maxRangeM()).setHoldOnSceneS(p.holdOnSceneS()).setReservePercent(p.reservePercent());
        for (IncidentType t : IncidentType.values()) {
            for (IncidentPriority pr : IncidentPriority.values()) {
                if (t != IncidentType.MISSING_PERSON) {
                    b.addRules(LaunchRule.newBuilder().setIncidentType(TYPE + t.name()).setPriority(PRIORITY + pr.name())
                            .setMode(org.skyfleet.proto.v1.LaunchMode.valueOf("LAUNCH_MODE_" + p.mode(t, pr).name())));
                }
            }
        }
        return b.build();
    }

    /** @throws IllegalArgumentException for an unknown type, priority or mode (the figures are checked by the policy) */
    static ResponsePolicy fromProto(org.skyfleet.proto.v1.ResponsePolicy p) {
        Map<IncidentType, Map<IncidentPriority, LaunchMode>> modes = new EnumMap<>(IncidentType.class);
        for (LaunchRule r : p.getRulesList()) {
            IncidentType t = parse(IncidentType.class, TYPE, r.getIncidentType(), "incident_type");
            IncidentPriority pr = parse(IncidentPriority.class, PRIORITY, r.getPriority(), "priority");
            if (r.getMode() == org.skyfleet.proto.v1.LaunchMode.LAUNCH_MODE_UNSPECIFIED
                    || r.getMode() == org.skyfleet.proto.v1.LaunchMode.UNRECOGNIZED) {
                throw new IllegalArgumentException("rule " + r.getIncidentType() + "/" + r.getPriority() + ": mode is required");
            }
            modes.computeIfAbsent(t, x -> new EnumMap<>(IncidentPriority.class))
                    .put(pr, LaunchMode.valueOf(r.getMode().name().substring("LAUNCH_MODE_".length())));
        }
        double timeoutS = p.getApprovalTimeoutS();
        return new ResponsePolicy(modes, Double.isFinite(timeoutS) && timeoutS > 0 && timeoutS <= 3600
                ? Duration.ofMillis(Math.round(timeoutS * 1000)) : Duration.ZERO, p.getAltitudeRelM(), p.getOrbitRadiusM(),
                p.getOrbitSpeedMS(), p.getOnSceneRadiusM(), p.getMaxRangeM(), p.getHoldOnSceneS(), p.getReservePercent());
    }

    static org.skyfleet.proto.v1.TimeToScene toProto(TimeToScene c, String state, String viewUrl) {
        org.skyfleet.proto.v1.TimeToScene.Builder b = org.skyfleet.proto.v1.TimeToScene.newBuilder().setIncidentId(c.incidentId())
                .setVehicleId(c.vehicleId()).setState(state).setViewUrl(viewUrl)
                .setLaunchCommandedS(seconds(c, ResponseStage.LAUNCH_COMMANDED)).setAirborneS(seconds(c, ResponseStage.AIRBORNE))
                .setOnSceneS(seconds(c, ResponseStage.ON_SCENE)).setFirstVideoS(seconds(c, ResponseStage.FIRST_VIDEO));
        c.stages().forEach((stage, at) -> {
            switch (stage) {
                case CALL_RECEIVED -> b.setCallReceived(ProtoMapper.timestamp(at));
                case LAUNCH_COMMANDED -> b.setLaunchCommanded(ProtoMapper.timestamp(at));
                case AIRBORNE -> b.setAirborne(ProtoMapper.timestamp(at));
                case ON_SCENE -> b.setOnScene(ProtoMapper.timestamp(at));
                case FIRST_VIDEO -> b.setFirstVideo(ProtoMapper.timestamp(at));
            }
        });
        return b.build();
    }

    private static double seconds(TimeToScene c, ResponseStage s) {
        return c.sinceCall(s).map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String prefix, String value, String field) {
        String name = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
        try {
            return Enum.valueOf(type, name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
