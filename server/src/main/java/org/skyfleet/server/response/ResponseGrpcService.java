package org.skyfleet.server.response;

import io.grpc.stub.StreamObserver;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.proto.v1.ApproveResponseRequest;
import org.skyfleet.proto.v1.ApproveResponseResponse;
import org.skyfleet.proto.v1.GetResponsePolicyRequest;
import org.skyfleet.proto.v1.GetResponsePolicyResponse;
import org.skyfleet.proto.v1.GetTimeToSceneRequest;
import org.skyfleet.proto.v1.GetTimeToSceneResponse;
import org.skyfleet.proto.v1.ReleaseResponseRequest;
import org.skyfleet.proto.v1.ReleaseResponseResponse;
import org.skyfleet.proto.v1.ReportWindRequest;
import org.skyfleet.proto.v1.ReportWindResponse;
import org.skyfleet.proto.v1.ResponseServiceGrpc;
import org.skyfleet.proto.v1.SetResponsePolicyRequest;
import org.skyfleet.proto.v1.SetResponsePolicyResponse;
import org.skyfleet.proto.v1.TimeToScene;
import org.skyfleet.server.grpc.Permissions;
import org.skyfleet.server.grpc.StatusMapping;

/** {@code ResponseService}: the first response's policy, approvals, releases, wind and clock. */
public final class ResponseGrpcService extends ResponseServiceGrpc.ResponseServiceImplBase {
    private final FirstResponse response;

    public ResponseGrpcService(FirstResponse response) {
        this.response = response;
    }

    @Override
    public void getResponsePolicy(GetResponsePolicyRequest request, StreamObserver<GetResponsePolicyResponse> observer) {
        StatusMapping.answer(observer, () -> GetResponsePolicyResponse.newBuilder()
                .setPolicy(ResponseProtoMapper.toProto(response.policy())).build());
    }

    @Override
    public void setResponsePolicy(SetResponsePolicyRequest request, StreamObserver<SetResponsePolicyResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("set the response policy");
            return SetResponsePolicyResponse.newBuilder().setPolicy(ResponseProtoMapper.toProto(
                    response.setPolicy(ResponseProtoMapper.fromProto(request.getPolicy()), caller))).build();
        });
    }

    @Override
    public void approveResponse(ApproveResponseRequest request, StreamObserver<ApproveResponseResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("approve a drone response", Role.PILOT, Role.COMMANDER, Role.AUTOMATION);
            response.approve(request.getIncidentId(), caller, request.getReason());
            return ApproveResponseResponse.newBuilder().setTimeToScene(clock(request.getIncidentId())).build();
        });
    }

    @Override
    public void releaseResponse(ReleaseResponseRequest request, StreamObserver<ReleaseResponseResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("release a drone response", Role.COMMANDER, Role.PILOT);
            response.release(request.getIncidentId(), caller, request.getReason());
            return ReleaseResponseResponse.newBuilder().setTimeToScene(clock(request.getIncidentId())).build();
        });
    }

    @Override
    public void getTimeToScene(GetTimeToSceneRequest request, StreamObserver<GetTimeToSceneResponse> observer) {
        StatusMapping.answer(observer, () -> GetTimeToSceneResponse.newBuilder().setTimeToScene(clock(request.getIncidentId())).build());
    }

    @Override
    public void reportWind(ReportWindRequest request, StreamObserver<ReportWindResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("report the wind", Role.PILOT, Role.COMMANDER, Role.AUTOMATION);
            response.reportWind(request.getWindSpeedMS(), caller);
            return ReportWindResponse.getDefaultInstance();
        });
    }

    private TimeToScene clock(String incidentId) {
        return ResponseProtoMapper.toProto(response.timeToScene(incidentId), response.state(incidentId),
                response.viewUrl(incidentId).orElse(""));
    }
}
