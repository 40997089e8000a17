package org.skyfleet.app.video;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.video.CameraFeeds;
import org.skyfleet.simulator.video.Publication;
import org.skyfleet.simulator.video.rtsp.RtspCameraServer;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.video.VideoStreams;

/**
 * The demo's video, both ways real drones stream: the first, third... drone pushes RTMP to an endpoint the
 * server opened for it, as a DJI dock does; the second, fourth... serves RTSP as a PX4 camera does and
 * announces it over MAVLink's camera protocol, where the server finds it by itself. Prints where to watch each.
 */
public final class DemoVideo implements AutoCloseable {
    private final CameraFeeds feeds;
    private final RtspCameraServer rtsp;

    private DemoVideo(CameraFeeds feeds, RtspCameraServer rtsp) {
        this.feeds = feeds;
        this.rtsp = rtsp;
    }

    /**
     * @param linkName names the vehicles as the server does: mav-LINK-SYSTEMID
     * @return null when FFmpeg is not installed (said on stdout)
     */
    public static DemoVideo start(Simulation sim, VideoStreams video, String linkName, int httpPort, String watcherToken)
            throws InterruptedException {
        if (!onPath("ffmpeg")) {
            System.out.println("  video    off: FFmpeg is not installed (apt-get install ffmpeg)");
            return null;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (VehicleWire w : sim.vehicles()) {
            ids.put(w.vehicle().name(), "mav-" + linkName + "-" + w.vehicle().systemId());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> served = new HashSet<>();
        RtspCameraServer rtsp = new RtspCameraServer("127.0.0.1", 0);
        CameraFeeds feeds = new CameraFeeds(sim, "ffmpeg", name -> ids.getOrDefault(name, name), id -> {
            if (sources.size() % 2 == 1) {
                served.add(id);
                Publication p = rtsp.mount(id);
                sources.put(id, "served " + p.url() + ", found over MAVLink");
                return p;
            }
            video.acceptPush(id);
            String url = video.pushUrl(id).orElseThrow();
            sources.put(id, "pushed to " + url);
            return Publication.rtmpPush(url);
        });
        feeds.announceOverMavlink(sim, name -> ids.getOrDefault(name, name), served::contains);
        System.out.printf("  video    %d drone cameras (H.264 %dx%d %d fps), half pushing RTMP like a DJI dock, half serving RTSP like a"
                + " PX4 camera; watch one with%n",
                feeds.cameras().size(), CameraFeeds.WIDTH_PX, CameraFeeds.HEIGHT_PX, CameraFeeds.FRAMES_PER_S);
        sources.forEach((id, source) -> System.out.printf(
                "    %-14s ffplay -fflags nobuffer -headers 'Authorization: Bearer %s' http://127.0.0.1:%d%s%s/live.mp4   (%s)%n",
                id, watcherToken, httpPort, VideoRoutes.PREFIX, id, source));
        System.out.printf("  video wall:  http://127.0.0.1:%d/console/#video=grid&token=%s%n", httpPort, watcherToken);
        return new DemoVideo(feeds, rtsp);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        feeds.close();
        rtsp.close();
    }
}
