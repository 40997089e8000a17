package org.skyfleet.simulator.ground;

import io.grpc.Channel;
import java.util.List;
import org.skyfleet.simulator.Simulation;

/**
 * The ground units of a running simulation, each with its {@link OfficerApp} connected to the control
 * plane through {@code channel}: the apps keep their schedules on the simulation clock (after every
 * step), so at 30x time a unit reports its position 15 times a wall second and walks 30 times as fast.
 *
 * <pre>{@code
 * Simulation sim = Simulation.start(scenario, mavlinkTarget, reporter);
 * try (GroundUnits units = GroundUnits.start(sim, channel)) {
 *     units.app("officer-1").state().phase();
 * }
 * }</pre>
 * Closing ends the apps' streams; the simulation and the channel stay the caller's.
 */
public final class GroundUnits implements AutoCloseable {
    private final List<OfficerApp> apps;
    private final AutoCloseable listener;

    private GroundUnits(List<OfficerApp> apps, AutoCloseable listener) {
        this.apps = apps;
        this.listener = listener;
    }

    public static GroundUnits start(Simulation sim, Channel channel) {
        return start(sim, channel, OfficerApp.Options.defaults());
    }

    /** One app per unit of {@code sim}'s scenario, ticking after every simulation step from now on. */
    public static GroundUnits start(Simulation sim, Channel channel, OfficerApp.Options options) {
        List<OfficerApp> apps = sim.units().stream().map(u -> new OfficerApp(u, channel, options)).toList();
        AutoCloseable listener = sim.afterEveryStep(() -> {
            long now = sim.nowMs();
            long epoch = sim.epochMs();
            for (OfficerApp a : apps) {
                a.tick(now, epoch);
            }
        });
        return new GroundUnits(apps, listener);
    }

    public List<OfficerApp> apps() {
        return apps;
    }

    /** The app of the unit with this id ("officer-1"). */
    public OfficerApp app(String unitId) {
        return apps.stream().filter(a -> a.unit().id().equals(unitId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ground unit called " + unitId));
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        apps.forEach(OfficerApp::close);
    }
}
