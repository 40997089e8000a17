package org.skyfleet.fleet.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * Times of arrival over a road network for patrol cars: the car drives from the road node nearest to it
 * to the node nearest the target by the shortest way (Dijkstra over the road polylines, joined where
 * they share a vertex), and the last stretch off the road is walked. Officers on foot and boats keep the
 * straight-line estimate, as do cars when the network does not connect the two ends. A road estimate carries its
 * route: the unit, the road nodes driven through, the target.
 */
public final class RoadNetworkEta implements EtaModel {
    /** The walk from the road to the target, after the car stops. */
    private static final double LAST_STRETCH_WALK_MPS = 1.4;
    /** Where the car joins the road it drives slowly off it: car parks, lanes. */
    private static final double FIRST_STRETCH_MPS = 5.0;

    private final List<GeoPoint> nodes = new ArrayList<>();
    private final List<List<double[]>> edges = new ArrayList<>(); // per node: {neighbour, metres}
    private final EtaModel fallback = EtaModel.straightLine();

    /** @param roads polylines, each at least two points; vertices shared to 1e-6 degrees join roads */
    public RoadNetworkEta(List<List<GeoPoint>> roads) {
        Map<String, Integer> index = new HashMap<>();
        for (List<GeoPoint> road : roads) {
            if (road.size() < 2) {
                throw new IllegalArgumentException("a road needs at least two points");
            }
            int prev = -1;
            for (GeoPoint p : road) {
                p.validate("road point");
                int id = index.computeIfAbsent(String.format("%.6f,%.6f", p.latDeg(), p.lonDeg()), k -> {
                    nodes.add(p);
                    edges.add(new ArrayList<>());
                    return nodes.size() - 1;
                });
                if (prev >= 0 && prev != id) {
                    double m = GreatCircle.distanceM(nodes.get(prev), nodes.get(id));
                    edges.get(prev).add(new double[] {id, m});
                    edges.get(id).add(new double[] {prev, m});
                }
                prev = id;
            }
        }
    }

    public int nodeCount() {
        return nodes.size();
    }

    @Override
    public TravelEstimate estimate(GroundUnit unit, GeoPoint target) {
        TravelEstimate straight = fallback.estimate(unit, target);
        if (unit.type() != UnitType.PATROL_CAR || nodes.isEmpty()) {
            return straight;
        }
        int from = nearest(unit.position());
        int to = nearest(target);
        int[] previous = new int[nodes.size()];
        double roadM = shortestM(from, to, previous);
        if (!Double.isFinite(roadM)) {
            return straight;
        }
        double onM = GreatCircle.distanceM(unit.position(), nodes.get(from));
        double offM = GreatCircle.distanceM(nodes.get(to), target);
        double etaS = onM / FIRST_STRETCH_MPS + roadM / unit.type().speedMps() + offM / LAST_STRETCH_WALK_MPS;
        return new TravelEstimate(onM + roadM + offM, etaS, EtaMethod.ROAD, route(unit.position(), from, to, previous, target));
    }

    /** The unit's position, the road nodes from {@code from} to {@code to}, the target. */
    private List<GeoPoint> route(GeoPoint start, int from, int to, int[] previous, GeoPoint target) {
        List<GeoPoint> way = new ArrayList<>();
        way.add(target);
        for (int n = to; n != from; n = previous[n]) {
            addDistinct(way, nodes.get(n));
        }
        addDistinct(way, nodes.get(from));
        addDistinct(way, start);
        java.util.Collections.reverse(way);
        return way;
    }

    /** A unit or target standing on a node adds no zero-length leg. */
    private static void addDistinct(List<GeoPoint> way, GeoPoint p) {
        if (!way.get(way.size() - 1).equals(p)) {
            way.add(p);
        }
    }

    private int nearest(GeoPoint p) {
        int best = 0;
        double bestM = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nodes.size(); i++) {
            double d = GreatCircle.distanceM(p, nodes.get(i));
            if (d < bestM) {
                bestM = d;
                best = i;
            }
        }
        return best;
    }

    /** Dijkstra from {@code from}; {@code previous} gets each reached node's predecessor on its shortest way. */
    private double shortestM(int from, int to, int[] previous) {
        double[] dist = new double[nodes.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[from] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1]));
        queue.add(new double[] {from, 0});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int n = (int) head[0];
            if (head[1] > dist[n]) {
                continue;
            }
            if (n == to) {
                return dist[n];
            }
            for (double[] e : edges.get(n)) {
                int m = (int) e[0];
                double d = dist[n] + e[1];
                if (d < dist[m]) {
                    dist[m] = d;
                    previous[m] = n;
                    queue.add(new double[] {m, d});
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
