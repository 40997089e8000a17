package org.skyfleet.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.search.DistanceDistribution;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.LostPersonStatistics;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.fleet.search.SortieAllocator;
import org.skyfleet.server.automation.SearchProfile;

class SearchEffectivenessBenchTest {
    private static final DistanceQuantiles DEMENTIA = LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA);

    @Test
    void tableHasBothStrategiesAndSharesWithinZeroToOne() throws Exception {
        SearchEffectivenessBench.Result result = SearchEffectivenessBench.run(3, 7, SearchConditions.day());
        Map<SearchStrategy, List<TrialOutcome>> outcomes = result.outcomes();
        String table = SearchEffectivenessBench.table(result);
        assertTrue(table.contains(SearchStrategy.PROBABILITY.label), table);
        assertTrue(table.contains(SearchStrategy.LAWNMOWER.label), table);
        for (List<TrialOutcome> o : outcomes.values()) {
            assertTrue(o.size() == 3);
            for (int s : new int[] {1800, SearchTrial.CAP_S}) {
                double share = SearchEffectivenessBench.foundWithin(o, s);
                assertTrue(share >= 0 && share <= 1, "share " + share);
            }
            for (TrialOutcome r : o) {
                assertTrue(r.arrivalS() < 0 || r.arrivalS() >= r.detectionS(), "arrival after detection: " + r);
            }
        }
        for (List<TrialOutcome> dry : result.dry().values()) {
            for (TrialOutcome r : dry) {
                // the optimum bounds what any strategy's flights buy under the same detection model (stationary
                // subject; the subject here barely moves within the hour, so a small tolerance)
                assertTrue(r.modelPos() <= result.optimum().stationaryPos() + 0.02, r + " vs " + result.optimum());
                assertTrue(r.detectionS() < 0, "nobody to find in a dry run: " + r);
                assertTrue(r.flightS() <= 1.01 * result.optimum().availableDroneS(), r + " vs " + result.optimum());
            }
        }
    }

    @Test
    void subjectStandingAtTheLastKnownPointIsFoundByProbabilityAllocationWithin30Minutes() {
        SearchScenario standing = SearchScenario.draw(11, DistanceDistribution.of(DEMENTIA)).standingAtLkp();
        TrialOutcome r = SearchEffectivenessBench.trial(standing, SearchStrategy.PROBABILITY, DEMENTIA,
                SearchProfile.defaults(), new MissionPlanner(), new SortieAllocator(), SearchConditions.day());
        assertTrue(r.detectionS() >= 0 && r.detectionS() <= 1800, "detected at " + r.detectionS() + " s");
    }
}
