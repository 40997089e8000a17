package org.skyfleet.video.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.util.NoSuchElementException;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.proto.v1.AcceptPushRequest;
import org.skyfleet.proto.v1.AcceptPushResponse;
import org.skyfleet.proto.v1.GetStreamRequest;
import org.skyfleet.proto.v1.GetStreamResponse;
import org.skyfleet.proto.v1.ListStreamsRequest;
import org.skyfleet.proto.v1.ListStreamsResponse;
import org.skyfleet.proto.v1.RegisterStreamRequest;
import org.skyfleet.proto.v1.RegisterStreamResponse;
import org.skyfleet.proto.v1.RemoveStreamRequest;
import org.skyfleet.proto.v1.RemoveStreamResponse;
import org.skyfleet.proto.v1.VideoServiceGrpc;
import org.skyfleet.proto.v1.VideoStream;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.StatusMapping;
import org.skyfleet.video.VideoStreams;
import org.skyfleet.video.stream.StreamStatus;

/**
 * {@code skyfleet.v1.VideoService}. Who may call what is in the server's {@code RpcRoles} table (watchers
 * read, pilots and commanders change); every change is journaled with the caller.
 */
public final class VideoGrpcService extends VideoServiceGrpc.VideoServiceImplBase {
    private final VideoStreams streams;
    private final AuditJournal audit;

    public VideoGrpcService(VideoStreams streams, AuditJournal audit) {
        this.streams = streams;
        this.audit = audit;
    }

    @Override
    public void listStreams(ListStreamsRequest request, StreamObserver<ListStreamsResponse> observer) {
        StatusMapping.answer(observer, () -> ListStreamsResponse.newBuilder()
                .addAllStreams(streams.all().stream().map(VideoGrpcService::toProto).toList()).build());
    }

    @Override
    public void getStream(GetStreamRequest request, StreamObserver<GetStreamResponse> observer) {
        StatusMapping.answer(observer, () -> GetStreamResponse.newBuilder().setStream(toProto(streams.stream(request.getVehicleId())
                .orElseThrow(() -> new NoSuchElementException("vehicle " + request.getVehicleId() + " has no video stream"))
                .status())).build());
    }

    @Override
    public void registerStream(RegisterStreamRequest request, StreamObserver<RegisterStreamResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = CallerInterceptor.require();
            StreamStatus s = streams.register(request.getVehicleId(), request.getUrl(), "operator");
            audit.append(caller.toString(), "video stream registered", request.getVehicleId(), s.sourceUrl(), "ok");
            return RegisterStreamResponse.newBuilder().setStream(toProto(s)).build();
        });
    }

    @Override
    public void acceptPush(AcceptPushRequest request, StreamObserver<AcceptPushResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = CallerInterceptor.require();
            StreamStatus s = streams.acceptPush(request.getVehicleId());
            String url = streams.pushUrl(request.getVehicleId()).orElse(s.sourceUrl());
            audit.append(caller.toString(), "video push endpoint opened", request.getVehicleId(), url, "ok");
            return AcceptPushResponse.newBuilder().setStream(toProto(s)).setPushUrl(url).build();
        });
    }

    @Override
    public void removeStream(RemoveStreamRequest request, StreamObserver<RemoveStreamResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = CallerInterceptor.require();
            streams.remove(request.getVehicleId());
            audit.append(caller.toString(), "video stream removed", request.getVehicleId(), "", "ok");
            return RemoveStreamResponse.getDefaultInstance();
        });
    }

    static VideoStream toProto(StreamStatus s) {
        VideoStream.Builder b = VideoStream.newBuilder().setVehicleId(s.vehicleId()).setSourceUrl(s.sourceUrl())
                .setState(VideoStream.State.valueOf(s.state().name())).setError(s.error()).setCodec(s.codec())
                .setWidthPx(s.widthPx()).setHeightPx(s.heightPx()).setFramesPerS(s.framesPerS()).setBitrateKbitS(s.bitrateKbitS())
                .setViewers(s.viewers()).setStalls(s.stalls()).setDiscoveredBy(s.discoveredBy());
        if (s.lastFrameTime() != null) {
            b.setLastFrameTime(Timestamp.newBuilder().setSeconds(s.lastFrameTime().getEpochSecond()).setNanos(s.lastFrameTime().getNano()));
        }
        return b.build();
    }
}
