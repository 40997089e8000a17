package org.skyfleet.simulator.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.ground.SimulatedUnit;
import org.skyfleet.simulator.sensor.Camera;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.SimVehicleKind;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.simulator.world.people.Target;

/**
 * A streaming camera on every drone of a simulation: the scenario's camera (thermal or visual) where it
 * names one, a visual camera otherwise. Scenes are copied on the simulation thread every
 * {@link #SCENE_EVERY_MS} of simulated time and each camera renders the latest.
 */
public final class CameraFeeds implements AutoCloseable {
    public static final int WIDTH_PX = 640;
    public static final int HEIGHT_PX = 360;
    public static final int FRAMES_PER_S = 15;
    static final long SCENE_EVERY_MS = 30;

    private final Map<String, SimCamera> cameras = new LinkedHashMap<>();
    private final Map<String, CameraScene> latest = new ConcurrentHashMap<>();
    private final AutoCloseable stepListener;
    private final Map<String, Boolean> thermal = new LinkedHashMap<>();

    /**
     * @param idFor      the server's id for a vehicle name (burned into the picture and used in URLs)
     * @param publish    how each vehicle (by the server's id) publishes its stream
     */
    public CameraFeeds(Simulation sim, String ffmpeg, Function<String, String> idFor, Function<String, Publication> publish) {
        Map<String, CameraPreset> presets = new LinkedHashMap<>();
        for (Camera c : sim.cameras()) {
            presets.put(c.drone().name(), c.preset());
        }
        List<SimVehicle> drones = new ArrayList<>();
        Map<String, GimbalCamera> gimbals = new LinkedHashMap<>();
        for (VehicleWire w : sim.vehicles()) {
            if (w.vehicle().kind() == SimVehicleKind.MULTICOPTER) {
                drones.add(w.vehicle());
                gimbals.put(w.vehicle().name(), w.gimbalCamera());
            }
        }
        long[] lastMs = {Long.MIN_VALUE};
        Runnable snapshot = () -> {
            // (the first call always copies: nowMs - Long.MIN_VALUE overflows to a negative number)
            if (lastMs[0] != Long.MIN_VALUE && sim.nowMs() - lastMs[0] < SCENE_EVERY_MS) {
                return;
            }
            lastMs[0] = sim.nowMs();
            List<double[]> people = sim.targets().stream().map(t -> new double[] {t.eastM(), t.northM()}).toList();
            List<double[]> units = sim.units().stream().map(SimulatedUnit::localPosition)
                    .map(p -> new double[] {p.eastM(), p.northM()}).toList();
            for (SimVehicle d : drones) {
                CameraPreset preset = presets.getOrDefault(d.name(), CameraPreset.VISUAL);
                GimbalCamera g = gimbals.get(d.name());
                latest.put(d.name(), new CameraScene(idFor.apply(d.name()), sim.epochMs(), d.eastM(), d.northM(), d.altitudeRelM(),
                        d.headingDeg(), g.hfovDeg(preset.hfovDeg()), preset == CameraPreset.THERMAL, people, units,
                        g.pitchDeg(), g.yawDeg()));
            }
        };
        sim.onSimulationThread(snapshot);
        this.stepListener = sim.afterEveryStep(snapshot);
        for (SimVehicle d : drones) {
            String id = idFor.apply(d.name());
            Publication p = publish.apply(id);
            thermal.put(id, presets.getOrDefault(d.name(), CameraPreset.VISUAL) == CameraPreset.THERMAL);
            CameraScene before = new CameraScene(id, 0, 0, 0, 0, 0, CameraPreset.VISUAL.hfovDeg(), false, List.of(), List.of());
            cameras.put(id, new SimCamera(ffmpeg, WIDTH_PX, HEIGHT_PX, FRAMES_PER_S,
                    () -> fresh(latest.getOrDefault(d.name(), before)), p.url(), p.encoderOutput(), id));
        }
    }

    /**
     * Every drone's camera served over RTSP by {@code rtsp}, as PX4 cameras serve theirs, and announced over
     * MAVLink's camera protocol (VIDEO_STREAM_INFORMATION names its rtsp:// URL) so a ground station finds it.
     */
    public static CameraFeeds servedOverRtsp(Simulation sim, String ffmpeg, Function<String, String> idFor,
                                             org.skyfleet.simulator.video.rtsp.RtspCameraServer rtsp) {
        CameraFeeds feeds = new CameraFeeds(sim, ffmpeg, idFor, rtsp::mount);
        feeds.announceOverMavlink(sim, idFor, id -> true);
        return feeds;
    }

    /**
     * Has each camera whose vehicle id {@code which} accepts announce its stream URL over MAVLink's camera protocol
     * (for cameras served over RTSP: a pushed stream's URL is the server's own, nothing to announce).
     */
    public void announceOverMavlink(Simulation sim, Function<String, String> idFor, java.util.function.Predicate<String> which) {
        for (VehicleWire w : sim.vehicles()) {
            String id = idFor.apply(w.vehicle().name());
            SimCamera camera = cameras.get(id);
            if (camera != null && which.test(id)) {
                boolean hot = thermal.get(id);
                w.announceCamera(new CameraAnnouncement(camera.url(), hot, WIDTH_PX, HEIGHT_PX, FRAMES_PER_S,
                        (int) Math.round((hot ? CameraPreset.THERMAL : CameraPreset.VISUAL).hfovDeg())));
            }
        }
    }

    /** The scene stamped with the capture time: the simulation copies scenes every few ms, the camera shoots now. */
    private static CameraScene fresh(CameraScene s) {
        return new CameraScene(s.vehicleId(), System.currentTimeMillis(), s.eastM(), s.northM(), s.altRelM(), s.headingDeg(),
                s.hfovDeg(), s.thermal(), s.people(), s.groundUnits(), s.gimbalPitchDeg(), s.gimbalYawDeg());
    }

    /** The latest scene of the camera of the vehicle with this server id (what it renders next), if it has one. */
    public java.util.Optional<CameraScene> scene(String vehicleId) {
        return latest.values().stream().filter(s -> s.vehicleId().equals(vehicleId)).findFirst();
    }

    /** Each camera by the server's vehicle id. */
    public Map<String, SimCamera> cameras() {
        return cameras;
    }

    @Override
    public void close() throws Exception {
        stepListener.close();
        cameras.values().forEach(SimCamera::close);
    }
}
