package org.skyfleet.bench;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.dispatch.EtaModel;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.automation.ConfirmedTrackRules;
import org.skyfleet.server.automation.SecondLookRule;
import org.skyfleet.simulator.world.people.Target;

/**
 * The response side of one {@link SearchTrial}: the tracker's updates judged by the server's
 * {@link ConfirmedTrackRules} and then against the truth (a track more than 100 m from the subject is a false
 * confirmed track and the search goes on); on the detection the other drones are recalled, the finder holds
 * above the track, the {@link Dispatcher} (acknowledge timeout as the server's default) picks the officer with
 * the shortest straight-line ETA, and the officer walks straight at on-foot speed to the track's latest
 * position. Arrival: the officer within 15 m of the subject's true position. Before that, a tentative track one
 * camera hit short of confirming sends its drone back for a second look ({@link SecondLookRule}), as the live search
 * does.
 */
final class TrialResponse {
    static final double ARRIVAL_M = 15;
    static final double FALSE_TRACK_M = 100;

    private final LocalFrame frame;
    private final List<BenchDrone> drones;
    private final Target subject;
    private final InstantSource clock;
    private final Dispatcher dispatcher;
    private final UnitRoster roster;
    private final List<double[]> officers = new ArrayList<>();
    private final Set<String> subjectSightings = new HashSet<>();
    private final Set<String> judged = new HashSet<>();
    private final Set<String> followed = new HashSet<>();
    private final boolean secondLookOn;
    private final Set<String> looked = new HashSet<>();
    private final Map<String, Sighting> sightings = new HashMap<>();
    private double[] responseAt;
    private int officer = -1;
    private boolean detected, arrived;
    int falseConfirmed;
    int secondLooks;
    double trackErrSum;
    int trackErrN;

    TrialResponse(LocalFrame frame, List<BenchDrone> drones, Target subject, List<double[]> officersM, InstantSource clock,
                  boolean secondLook) {
        this.secondLookOn = secondLook;
        this.frame = frame;
        this.drones = drones;
        this.subject = subject;
        this.clock = clock;
        this.roster = new UnitRoster(clock);
        this.dispatcher = new Dispatcher(roster, EtaModel.straightLine(), clock, AutomationConfig.defaults().acknowledgeTimeout());
        officersM.forEach(o -> officers.add(o.clone()));
    }

    /** Notes a sighting, and whether it was of the subject, before it goes into the tracker. */
    void sighted(Sighting s, boolean ofSubject) {
        sightings.put(s.id(), s);
        if (ofSubject) {
            subjectSightings.add(s.id());
        }
    }

    /**
     * TrackResponse.onTrack's rules, with the truth check the server cannot make.
     *
     * @return true when this update is the detection
     */
    boolean onTrack(TrackUpdate u) {
        Track t = u.track();
        secondLook(u);
        if (!ConfirmedTrackRules.confirmed(u) || t.targetClass() != TargetClass.PERSON) {
            return false;
        }
        double[] at = local(t);
        double fromTruth = Math.hypot(at[0] - subject.eastM(), at[1] - subject.northM());
        List<String> ids = t.sightingIds();
        if (subjectSightings.contains(ids.get(ids.size() - 1))) {
            trackErrSum += fromTruth;
            trackErrN++;
        }
        if (followed.contains(t.id())) {
            follow(at);
            return false;
        }
        if (judged.contains(t.id())) {
            return false;
        }
        if (responseAt != null && ConfirmedTrackRules.sameSubject(frame.toGeo(responseAt[0], responseAt[1]),
                frame.toGeo(at[0], at[1]))) {
            followed.add(t.id()); // the server takes a confirmed track near the followed one for the same subject
            judged.add(t.id());
            follow(at);
            return false;
        }
        if (!ConfirmedTrackRules.plausibleSpeed(t)) {
            return false; // not yet: strung-along false detections look like a runner
        }
        judged.add(t.id());
        if (fromTruth > FALSE_TRACK_M) {
            falseConfirmed++;
            if (Boolean.getBoolean("bench.debugFalse")) {
                long ofSubject = ids.stream().filter(subjectSightings::contains).count();
                System.out.printf(java.util.Locale.ROOT, "FALSE %s: %d sightings (%d of the subject), drones %s, span %.0f s, speed %.2f m/s, %.0f m from truth%n",
                        t.id(), ids.size(), ofSubject, ids.stream().map(id -> sightings.get(id).sourceId()).distinct().toList(),
                        (t.lastUpdateMs() - t.firstUpdateMs()) / 1000.0, t.speedMps(), fromTruth);
            }
            return false;
        }
        followed.add(t.id());
        boolean detection = !detected;
        if (detection) {
            detected = true;
            respond(t, at);
        }
        follow(at);
        return detection;
    }

    /** {@link SecondLookRule}, acted on as {@link org.skyfleet.server.automation.SecondLook} does: once per track. */
    private void secondLook(TrackUpdate u) {
        if (!secondLookOn || detected || looked.contains(u.track().id())) {
            return;
        }
        Optional<String> drone = SecondLookRule.lookingDrone(u, id -> Optional.ofNullable(sightings.get(id)));
        if (drone.isEmpty()) {
            return;
        }
        double[] at = local(u.track());
        for (BenchDrone d : drones) {
            if (d.id.equals(drone.get()) && d.look(at, SecondLookRule.HOLD_S, SecondLookRule.MAX_DISTANCE_M)) {
                looked.add(u.track().id());
                secondLooks++;
            }
        }
    }

    private void respond(Track t, double[] at) {
        String finder = sightings.get(t.sightingIds().get(t.sightingIds().size() - 1)).sourceId();
        for (BenchDrone d : drones) {
            if (d.id.equals(finder)) {
                d.watch(at);
            } else {
                d.recall();
            }
        }
        for (int i = 0; i < officers.size(); i++) {
            roster.report("officer-" + (i + 1), UnitType.OFFICER_ON_FOOT, null, frame.toGeo(officers.get(i)[0],
                    officers.get(i)[1]), 5, UnitStatus.AVAILABLE, clock.instant());
        }
        Optional<Assignment> a = dispatcher.dispatch("bench", t.id(), frame.toGeo(at[0], at[1]), "missing person");
        a.ifPresent(x -> {
            dispatcher.acknowledge(x.assignmentId(), x.unitId());
            officer = Integer.parseInt(x.unitId().substring("officer-".length())) - 1;
        });
    }

    private void follow(double[] at) {
        responseAt = at;
        drones.forEach(d -> d.moveWatchPoint(at));
    }

    /**
     * One second of the dispatched officer's walk.
     *
     * @return true once the officer is with the subject
     */
    boolean walkOfficer() {
        if (officer < 0) {
            return false;
        }
        double[] o = officers.get(officer);
        double de = responseAt[0] - o[0], dn = responseAt[1] - o[1], d = Math.hypot(de, dn);
        double step = Math.min(d, UnitType.OFFICER_ON_FOOT.speedMps());
        if (d > 1e-9) {
            o[0] += de / d * step;
            o[1] += dn / d * step;
        }
        arrived = Math.hypot(o[0] - subject.eastM(), o[1] - subject.northM()) <= ARRIVAL_M;
        return arrived;
    }

    private double[] local(Track t) {
        var c = frame.toLocal(new GeoPoint(t.latDeg(), t.lonDeg()));
        return new double[] {c.x, c.y};
    }
}
