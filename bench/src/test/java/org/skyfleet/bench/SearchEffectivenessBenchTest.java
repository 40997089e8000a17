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
import org.skyfleet.fleet.search.SearchAllocator;
import org.skyfleet.server.automation.SearchProfile;

class SearchEffectivenessBenchTest {
    private static final DistanceQuantiles DEMENTIA = LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA);

    @Test
    void tableHasBothStrategiesAndSharesWithinZeroToOne() throws Exception {
        Map<SearchStrategy, List<TrialOutcome>> outcomes = SearchEffectivenessBench.run(3, 7);
        String table = SearchEffectivenessBench.table(outcomes);
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
    }

    @Test
    void subjectStandingAtTheLastKnownPointIsFoundByProbabilityAllocationWithin30Minutes() {
        SearchScenario standing = SearchScenario.draw(11, DistanceDistribution.of(DEMENTIA)).standingAtLkp();
        TrialOutcome r = SearchEffectivenessBench.trial(standing, SearchStrategy.PROBABILITY, DEMENTIA,
                SearchProfile.defaults(), new MissionPlanner(), new SearchAllocator());
        assertTrue(r.detectionS() >= 0 && r.detectionS() <= 1800, "detected at " + r.detectionS() + " s");
    }
}
