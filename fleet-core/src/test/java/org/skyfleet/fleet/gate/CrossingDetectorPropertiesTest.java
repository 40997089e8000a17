package org.skyfleet.fleet.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.planner.geo.GeoPoint;

/** Invariants of the crossing detector over random walks through overlapping gates. */
class CrossingDetectorPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final GateOutlines GATES = GateOutlines.of(List.of(
            GateFixtures.square("a", GateKind.MARKET, 0, 0, 60),
            GateFixtures.square("b", GateKind.RESIDENTIAL_COMMUNITY, 80, 40, 50),
            GateFixtures.circle("c", GateKind.RAILWAY_STATION, -100, -60, 45)));

    record Step(double eastM, double northM) {
    }

    @Provide
    Arbitrary<List<Step>> walk() {
        Arbitrary<Double> coordinate = Arbitraries.doubles().between(-250, 250);
        return Combinators.combine(coordinate, coordinate).as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * Per gate, crossings alternate IN and OUT, the first one being the opposite of where the walk started, and
     * the parity of their number says whether the walk ends inside: no crossing is lost or invented.
     */
    @Property(tries = 300)
    void crossingsAlternateAndAgreeWithWhereTheWalkEnds(@ForAll("walk") @Size(min = 1) List<Step> walk) {
        CrossingDetector detector = new CrossingDetector(() -> GATES);
        Map<String, List<CrossingDirection>> byGate = new HashMap<>();
        for (int i = 0; i < walk.size(); i++) {
            GeoPoint p = GateFixtures.at(walk.get(i).eastM(), walk.get(i).northM());
            for (GateCrossing c : detector.observe(SubjectKind.DRONE, "d", p.latDeg(), p.lonDeg(), T0.plusSeconds(i))) {
                assertThat(c.time()).isEqualTo(T0.plusSeconds(i));
                byGate.computeIfAbsent(c.gateId(), k -> new ArrayList<>()).add(c.direction());
            }
        }
        GeoPoint first = GateFixtures.at(walk.get(0).eastM(), walk.get(0).northM());
        GeoPoint last = GateFixtures.at(walk.get(walk.size() - 1).eastM(), walk.get(walk.size() - 1).northM());
        for (GateOutline g : GATES.all()) {
            List<CrossingDirection> seq = byGate.getOrDefault(g.id(), List.of());
            boolean startedInside = g.contains(first.latDeg(), first.lonDeg());
            CrossingDirection expected = startedInside ? CrossingDirection.OUT : CrossingDirection.IN;
            for (CrossingDirection d : seq) {
                assertThat(d).as("gate %s crossings %s", g.id(), seq).isEqualTo(expected);
                expected = expected == CrossingDirection.IN ? CrossingDirection.OUT : CrossingDirection.IN;
            }
            boolean endsInside = startedInside ^ (seq.size() % 2 == 1);
            assertThat(endsInside).as("gate %s crossings %s", g.id(), seq).isEqualTo(g.contains(last.latDeg(), last.lonDeg()));
        }
    }

    /** A walk that never comes within a metre of any gate's bounding box crosses nothing. */
    @Property(tries = 100)
    void aWalkFarFromEveryGateCrossesNothing(@ForAll("walk") List<Step> walk) {
        CrossingDetector detector = new CrossingDetector(() -> GATES);
        for (int i = 0; i < walk.size(); i++) {
            GeoPoint p = GateFixtures.at(walk.get(i).eastM() + 2000, walk.get(i).northM());
            assertThat(detector.observe(SubjectKind.VESSEL, "v", p.latDeg(), p.lonDeg(), T0.plusSeconds(i))).isEmpty();
        }
    }
}
