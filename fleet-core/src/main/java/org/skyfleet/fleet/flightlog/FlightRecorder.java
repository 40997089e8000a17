package org.skyfleet.fleet.flightlog;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.skyfleet.fleet.airframe.ConsumptionLearner;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * Records every flight of the vehicles it is shown, from takeoff (the vehicle says it is in the air) to landing
 * (on the ground again): its track about once a second, distance, highest point, battery at both ends, and the
 * events on the way (link lost and back, geofence breaches, low battery, GPS lost, and an autopilot status text
 * that names a failsafe). A landed flight is handed to {@code landed} (to be stored off this thread).
 *
 * <p>Bounded: per vehicle in the air, at most {@value #MAX_TRACK_POINTS} points (6 hours) and
 * {@value #MAX_EVENTS} events; thread-safe per vehicle.
 */
public final class FlightRecorder {
    static final int MAX_TRACK_POINTS = 21_600;
    static final int MAX_EVENTS = 500;
    static final Duration TRACK_INTERVAL = Duration.ofSeconds(1);
    private static final Set<EventType> RECORDED = Set.of(EventType.LINK_LOST, EventType.LINK_RESTORED, EventType.GEOFENCE_BREACH,
            EventType.GEOFENCE_PREDICTED_BREACH, EventType.LOW_BATTERY, EventType.GPS_FIX_LOST);

    private final InstantSource clock;
    private final Function<String, FlightContext> context;
    private final Consumer<FlightRecord> landed;
    private final Map<String, InFlight> flying = new ConcurrentHashMap<>();

    /**
     * @param context what a vehicle flies as and for, asked at its takeoff
     * @param landed  gets each flight when it lands
     */
    public FlightRecorder(InstantSource clock, Function<String, FlightContext> context, Consumer<FlightRecord> landed) {
        this.clock = clock;
        this.context = context;
        this.landed = landed;
    }

    /** A state of a vehicle, as the registry publishes it. */
    public void onState(VehicleState s) {
        boolean airborne = ConsumptionLearner.airborne(s);
        InFlight f = flying.get(s.vehicleId());
        if (f == null) {
            if (airborne && s.position() != null) {
                f = new InFlight(s, clock.instant(), context.apply(s.vehicleId()));
                flying.put(s.vehicleId(), f);
            }
            return;
        }
        FlightRecord done;
        synchronized (f) {
            f.take(s);
            if (airborne) {
                return;
            }
            done = f.land(s, clock.instant());
        }
        flying.remove(s.vehicleId());
        landed.accept(done);
    }

    /** A vehicle event from the bus: kept with its flight if it is one a flight log records. */
    public void onEvent(VehicleEvent e) {
        InFlight f = flying.get(e.vehicleId());
        if (f == null) {
            return;
        }
        boolean failsafe = e.type() == EventType.STATUS_TEXT && e.message() != null
                && e.message().toLowerCase(Locale.ROOT).contains("failsafe");
        if (RECORDED.contains(e.type()) || failsafe) {
            synchronized (f) {
                if (f.events.size() < MAX_EVENTS) {
                    f.events.add(new FlightEvent(e.time(), failsafe ? "FAILSAFE" : e.type().name(), e.message()));
                }
            }
        }
    }

    /** Vehicles in the air now. */
    public int inFlight() {
        return flying.size();
    }

    private static final class InFlight {
        final String vehicleId;
        final Instant takeoffAt;
        final FlightContext context;
        final double batteryStart;
        final List<TrackPoint> track = new ArrayList<>();
        final List<FlightEvent> events = new ArrayList<>();
        double distanceM;
        double maxAltRelM;
        TrackPoint last;

        InFlight(VehicleState s, Instant at, FlightContext context) {
            this.vehicleId = s.vehicleId();
            this.takeoffAt = at;
            this.context = context;
            this.batteryStart = s.battery() == null ? Double.NaN : s.battery().remainingPercent();
            take(s);
        }

        void take(VehicleState s) {
            if (s.position() == null) {
                return;
            }
            TrackPoint p = new TrackPoint(s.position().receivedAt(), s.position().latDeg(), s.position().lonDeg(), s.position().altRelM());
            maxAltRelM = Math.max(maxAltRelM, p.altRelM());
            if (last != null && p.at().isBefore(last.at().plus(TRACK_INTERVAL))) {
                return;
            }
            if (last != null) {
                distanceM += GreatCircle.distanceM(new GeoPoint(last.latDeg(), last.lonDeg()), new GeoPoint(p.latDeg(), p.lonDeg()));
            }
            if (track.size() < MAX_TRACK_POINTS) {
                track.add(p);
            }
            last = p;
        }

        FlightRecord land(VehicleState s, Instant at) {
            double end = s.battery() == null ? Double.NaN : s.battery().remainingPercent();
            return new FlightRecord("f-" + vehicleId + "-" + takeoffAt.toEpochMilli(), vehicleId, context.profileId(), context.packId(),
                    context.flownBy(), context.missionId(), context.incidentId(), takeoffAt, at, distanceM, maxAltRelM, batteryStart, end,
                    events, track);
        }
    }
}
