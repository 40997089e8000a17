package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.simulator.sensor.NadirDetector;

/**
 * A kinematic drone for the search benchmark, in metres east/north of the LKP, stepped once a second.
 *
 * <p>Take-off and landing are vertical at the climb rate (60 m at 3 m/s: 20 s each way); in between the
 * drone flies straight lines between its route's waypoints at cruise speed, at the camera altitude (the
 * waypoints' own altitudes are not modelled; wind, turns and acceleration are not either). The battery is a
 * flight-time budget per sortie: when the time flown plus the straight way home and the descent reaches the
 * usable time less the reserve, the drone abandons its route and returns, remembering the legs it did not
 * fly. On a second look it leaves its route for a point, holds over it, then flies straight back to the leg it
 * left (the mission paused and resumed). On watch (over a found subject) it holds above a moving point; its
 * battery is not limited then.
 */
final class BenchDrone {
    enum Phase { GROUND, CLIMB, ROUTE, LOOK, DESCEND, WATCH }

    final String id;
    final NadirDetector camera;
    private final double[] home;
    private final double cruiseMps, climbMps, altM;
    private final double budgetS;
    double eastM, northM, heightM, headingDeg;
    Phase phase = Phase.GROUND;
    private List<double[]> route = List.of();
    private int next;
    private double sortieS;
    double flownS;
    int sorties;
    int landedAtS = -1;
    /** Legs left unflown when the battery sent the drone home, starting where it broke off; empty if none. */
    List<double[]> unflown = List.of();
    private double[] watchPoint;
    private double[] lookPoint;
    private int lookLeftS;

    /**
     * @param budgetS flight time a sortie may use: usable time less the reserve, seconds
     */
    BenchDrone(String id, NadirDetector camera, double[] home, double cruiseMps, double climbMps, double altM,
               double budgetS) {
        this.id = id;
        this.camera = camera;
        this.home = home.clone();
        this.cruiseMps = cruiseMps;
        this.climbMps = climbMps;
        this.altM = altM;
        this.budgetS = budgetS;
        this.eastM = home[0];
        this.northM = home[1];
    }

    void launch(List<double[]> waypoints) {
        route = new ArrayList<>(waypoints);
        route.add(home);
        next = 0;
        sortieS = 0;
        sorties++;
        unflown = List.of();
        landedAtS = -1;
        phase = Phase.CLIMB;
    }

    boolean airborne() {
        return phase != Phase.GROUND;
    }

    /** Abandons the route and flies home (a recall). */
    void recall() {
        if (phase == Phase.CLIMB || phase == Phase.ROUTE || phase == Phase.LOOK || phase == Phase.WATCH) {
            route = List.of(home);
            next = 0;
            phase = Phase.ROUTE;
        }
    }

    /**
     * Leaves the route for a second look: flies to the point and holds over it for {@code holdS} seconds, then
     * resumes the route. Only on the route out (not on the way home) and within {@code maxDistanceM}.
     *
     * @return whether the drone turned
     */
    boolean look(double[] point, int holdS, double maxDistanceM) {
        boolean homeward = next >= route.size() - 1;
        if (phase != Phase.ROUTE || homeward || Math.hypot(point[0] - eastM, point[1] - northM) > maxDistanceM) {
            return false;
        }
        lookPoint = point.clone();
        lookLeftS = holdS;
        phase = Phase.LOOK;
        return true;
    }

    /** Holds above the given point from now on. */
    void watch(double[] point) {
        watchPoint = point.clone();
        phase = Phase.WATCH;
    }

    void step(int nowS) {
        if (phase == Phase.GROUND) {
            return;
        }
        flownS += 1;
        sortieS += 1;
        switch (phase) {
            case CLIMB -> {
                heightM = Math.min(altM, heightM + climbMps);
                if (heightM >= altM) {
                    phase = Phase.ROUTE;
                }
            }
            case ROUTE -> {
                checkBattery();
                fly(cruiseMps);
                if (next >= route.size()) {
                    phase = Phase.DESCEND;
                }
            }
            case LOOK -> {
                if (sortieS + homeS() >= budgetS) {
                    phase = Phase.ROUTE; // the battery ends the look; the route's check sends it home
                } else if (Math.hypot(lookPoint[0] - eastM, lookPoint[1] - northM) > 1e-6) {
                    moveTowards(lookPoint, cruiseMps);
                } else if (--lookLeftS <= 0) {
                    phase = Phase.ROUTE;
                }
            }
            case DESCEND -> {
                heightM = Math.max(0, heightM - climbMps);
                if (heightM <= 0) {
                    phase = Phase.GROUND;
                    landedAtS = nowS;
                }
            }
            case WATCH -> {
                heightM = Math.min(altM, heightM + climbMps);
                moveTowards(watchPoint, cruiseMps);
            }
            default -> { }
        }
    }

    void moveWatchPoint(double[] point) {
        if (phase == Phase.WATCH) {
            watchPoint = point.clone();
        }
    }

    /** The straight way home and the descent, seconds. */
    private double homeS() {
        return Math.hypot(home[0] - eastM, home[1] - northM) / cruiseMps + heightM / climbMps;
    }

    private void checkBattery() {
        boolean homeward = next == route.size() - 1;
        if (!homeward && sortieS + homeS() >= budgetS) {
            List<double[]> left = new ArrayList<>();
            left.add(new double[] {eastM, northM});
            left.addAll(route.subList(next, route.size() - 1));
            unflown = left;
            route = List.of(home);
            next = 0;
        }
    }

    /** Moves speed × 1 s along the route, across waypoints. */
    private void fly(double speed) {
        double left = speed;
        while (left > 1e-9 && next < route.size()) {
            double[] w = route.get(next);
            double de = w[0] - eastM, dn = w[1] - northM, d = Math.hypot(de, dn);
            if (d > 1e-9) {
                headingDeg = (Math.toDegrees(Math.atan2(de, dn)) + 360) % 360;
            }
            if (d <= left) {
                eastM = w[0];
                northM = w[1];
                left -= d;
                next++;
            } else {
                eastM += de / d * left;
                northM += dn / d * left;
                left = 0;
            }
        }
    }

    private void moveTowards(double[] p, double speed) {
        double de = p[0] - eastM, dn = p[1] - northM, d = Math.hypot(de, dn);
        if (d < 1e-9) {
            return;
        }
        headingDeg = (Math.toDegrees(Math.atan2(de, dn)) + 360) % 360;
        double s = Math.min(d, speed);
        eastM += de / d * s;
        northM += dn / d * s;
    }
}
