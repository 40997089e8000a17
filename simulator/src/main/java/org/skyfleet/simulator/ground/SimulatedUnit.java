package org.skyfleet.simulator.ground;

import java.util.Objects;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.UnitSpec;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * A police ground unit in the world: stands where it is until it is given a destination, then goes
 * straight towards it at its speed, one simulation step at a time, and stops on it. No road network,
 * no terrain: a car drives straight across fields, which is good enough for testing dispatch.
 *
 * <p>Threads: {@link #step} runs on the simulation thread only; {@link #goTo}, {@link #stop} and the
 * readers may be called from any thread (the app's gRPC callbacks): the destination and the position
 * are each one immutable value behind a volatile field.
 */
public final class SimulatedUnit {
    private final UnitSpec spec;
    private final LocalFrame frame;
    private volatile Point position;
    private volatile Point destination;
    private double travelledM;

    /** A point in the local frame, metres east and north of its origin. */
    public record Point(double eastM, double northM) {
        public double distanceTo(Point o) {
            return Math.hypot(o.eastM - eastM, o.northM - northM);
        }
    }

    public SimulatedUnit(UnitSpec spec, LocalFrame frame) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.frame = Objects.requireNonNull(frame, "frame");
        this.position = toLocal(spec.start());
    }

    /** Moves {@code dtS} seconds towards the destination, if it has one; arrives exactly on it. */
    public void step(double dtS) {
        Point to = destination;
        if (to == null) {
            return;
        }
        Point at = position;
        double remaining = at.distanceTo(to);
        double move = spec.speedMps() * dtS;
        if (remaining <= move) {
            position = to;
            travelledM += remaining;
            return;
        }
        double f = move / remaining;
        position = new Point(at.eastM + (to.eastM - at.eastM) * f, at.northM + (to.northM - at.northM) * f);
        travelledM += move;
    }

    /** Sets off towards {@code target} (or changes course to it). */
    public void goTo(GeoPoint target) {
        destination = toLocal(target);
    }

    /** Stops where it is. */
    public void stop() {
        destination = null;
    }

    public String id() {
        return spec.id();
    }

    public UnitSpec spec() {
        return spec;
    }

    public GeoPoint position() {
        Point p = position;
        return new GeoPoint(frame.latDeg(p.northM), frame.lonDeg(p.eastM));
    }

    public Point localPosition() {
        return position;
    }

    /** Where it is going, or null when it stands still. */
    public GeoPoint destination() {
        Point d = destination;
        return d == null ? null : new GeoPoint(frame.latDeg(d.northM), frame.lonDeg(d.eastM));
    }

    /** Metres from its position to {@code p}. */
    public double distanceM(GeoPoint p) {
        return position.distanceTo(toLocal(p));
    }

    /** Metres travelled since the start; read it on the simulation thread. */
    public double travelledM() {
        return travelledM;
    }

    private Point toLocal(GeoPoint p) {
        return new Point(frame.eastM(p.lonDeg()), frame.northM(p.latDeg()));
    }
}
