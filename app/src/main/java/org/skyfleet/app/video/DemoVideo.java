package org.skyfleet.app.video;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.video.CameraFeeds;
import org.skyfleet.simulator.video.Publication;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.video.VideoStreams;

/**
 * The demo's video: an RTMP push endpoint per simulated drone on the server, as for a DJI dock, and each
 * drone's camera publishing to it; prints where to watch each stream.
 */
public final class DemoVideo implements AutoCloseable {
    private final CameraFeeds feeds;

    private DemoVideo(CameraFeeds feeds) {
        this.feeds = feeds;
    }

    /**
     * @param serverMavlinkPort names the vehicles as the server does: mav-PORT-SYSTEMID
     * @return null when FFmpeg is not installed (said on stdout)
     */
    public static DemoVideo start(Simulation sim, VideoStreams video, int serverMavlinkPort, int httpPort, String watcherToken) {
        if (!onPath("ffmpeg")) {
            System.out.println("  video    off: FFmpeg is not installed (apt-get install ffmpeg)");
            return null;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (VehicleWire w : sim.vehicles()) {
            ids.put(w.vehicle().name(), "mav-" + serverMavlinkPort + "-" + w.vehicle().systemId());
        }
        Map<String, String> pushUrls = new LinkedHashMap<>();
        CameraFeeds feeds = new CameraFeeds(sim, "ffmpeg", name -> ids.getOrDefault(name, name), id -> {
            video.acceptPush(id);
            String url = video.pushUrl(id).orElseThrow();
            pushUrls.put(id, url);
            return Publication.rtmpPush(url);
        });
        System.out.printf("  video    %d drone cameras (H.264 %dx%d %d fps) pushing RTMP to the server; watch one with%n",
                feeds.cameras().size(), CameraFeeds.WIDTH_PX, CameraFeeds.HEIGHT_PX, CameraFeeds.FRAMES_PER_S);
        pushUrls.forEach((id, push) -> System.out.printf(
                "    %-14s ffplay -fflags nobuffer -headers 'Authorization: Bearer %s' http://127.0.0.1:%d%s%s/live.mp4   (ingest %s)%n",
                id, watcherToken, httpPort, VideoRoutes.PREFIX, id, push));
        System.out.printf("  video wall:  http://127.0.0.1:%d/console/#video=grid&token=%s%n", httpPort, watcherToken);
        return new DemoVideo(feeds);
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
    }
}
