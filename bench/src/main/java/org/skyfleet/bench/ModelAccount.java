package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SubjectMobility;
import org.skyfleet.server.automation.SearchEffort;
import org.skyfleet.server.automation.SearchProfile;

/**
 * The map's own tally of a run, the same for every strategy: a {@link ProbabilityMap} of the case, diffused by the
 * subject's mobility and updated with every drone's flown footprint (each with its camera's sweep width) once a
 * minute; its cumulative POS is the probability the flights found the subject under the map's detection model.
 * This is what {@link SearchOptimum}'s bound is compared with; the strategies never see it.
 */
final class ModelAccount {
    static final int PERIOD_S = 60;

    private ProbabilityMap map;
    private final SubjectMobility mobility;
    private final Map<String, SearchProfile> profileOfDrone;
    private final Map<String, List<FlownSample>> samples = new HashMap<>();
    private int updatedS;

    ModelAccount(ProbabilityMap initial, SubjectMobility mobility, Map<String, SearchProfile> profileOfDrone) {
        this.map = initial;
        this.mobility = mobility;
        this.profileOfDrone = profileOfDrone;
    }

    void record(String droneId, FlownSample s) {
        samples.computeIfAbsent(droneId, k -> new ArrayList<>()).add(s);
    }

    /** Diffuses to nowS and applies the samples since the last update; returns the cumulative POS. */
    double update(int nowS) {
        if (nowS > updatedS) {
            map = map.diffused(mobility, nowS - updatedS);
            updatedS = nowS;
        }
        for (var e : samples.entrySet()) {
            try {
                map = SearchEffort.apply(map, e.getValue(), profileOfDrone.get(e.getKey()));
            } catch (IllegalStateException ex) {
                // the map refuses an effort that would leave no probability: it stays as it was
            }
        }
        return map.cumulativePos();
    }
}
