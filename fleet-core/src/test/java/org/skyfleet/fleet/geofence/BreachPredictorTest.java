package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.skyfleet.fleet.geofence.TestZones.at;
import static org.skyfleet.fleet.geofence.TestZones.circleExclusion;
import static org.skyfleet.fleet.geofence.TestZones.inclusion;
import static org.skyfleet.fleet.geofence.TestZones.rect;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

class BreachPredictorTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final BreachPredictor predictor = new BreachPredictor();

    private List<PredictedBreach> predict(ZoneIndex index, double eastM, double northM, double altRelM,
                                          double vNorth, double vEast, double vDown) {
        GeoPoint p = at(eastM, northM);
        return predictor.predict(index, "d1", VehicleKind.MULTICOPTER, FlightPoint.relative(p.latDeg(), p.lonDeg(), altRelM),
                vNorth, vEast, vDown, NOW);
    }

    @Test
    void squareAheadJustInsideAndJustOutsideTheHorizon() {
        ZoneIndex index = ZoneIndex.of(List.of(squareExclusion("sq", 300, 0, 100)));  // west edge at 200 m

        assertThat(predict(index, 1, 0, 50, 0, 10, 0)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo(BreachReason.INSIDE_EXCLUSION);
            assertThat(b.timeToBreachS()).isCloseTo(19.9, within(0.01));
            assertThat(b.distanceToBreachM()).isCloseTo(199, within(0.1));
        });
        assertThat(predict(index, -1, 0, 50, 0, 10, 0)).isEmpty();
    }

    @Test
    void circleAheadTimeAndDistance() {
        ZoneIndex index = ZoneIndex.of(List.of(circleExclusion("c", 0, 300, 100)));
        assertThat(predict(index, 0, 10, 50, 10, 0, 0)).singleElement().satisfies(b -> {
            assertThat(b.timeToBreachS()).isCloseTo(19.0, within(0.01));
            assertThat(b.distanceToBreachM()).isCloseTo(190, within(0.1));
        });
        assertThat(predict(index, 150, 10, 50, 10, 0, 0)).as("passes beside it").isEmpty();
    }

    @Test
    void descentIntoTheBandOfAZoneBelow() {
        ZoneIndex index = ZoneIndex.of(List.of(squareExclusion("low", 0, 0, 500).withBand(AltitudeBand.relative(0, 50))));
        assertThat(predict(index, 0, 0, 60, 0, 0, 1)).singleElement()
                .satisfies(b -> assertThat(b.timeToBreachS()).isCloseTo(10, within(0.01)));
        assertThat(predict(index, 0, 0, 60, 0, 0, -1)).as("climbing away").isEmpty();
    }

    @Test
    void leavingTheOperatingAreaAndClimbingThroughItsCeiling() {
        Zone area = inclusion("area", new ZoneShape.Polygon(rect(0, -1000, 1000, 1000))).withBand(AltitudeBand.relative(0, 120));
        ZoneIndex index = ZoneIndex.of(List.of(area));

        assertThat(predict(index, 900, 0, 50, 0, 10, 0)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo(BreachReason.OUTSIDE_INCLUSION);
            assertThat(b.timeToBreachS()).isCloseTo(10, within(0.01));
        });
        assertThat(predict(index, 500, 0, 110, 0, 0, -2)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo(BreachReason.ABOVE_CEILING);
            assertThat(b.timeToBreachS()).isCloseTo(5, within(0.01));
        });
    }

    @Test
    void crossingFromOneOperatingAreaIntoAnAdjacentOneIsNoBreach() {
        Zone west = inclusion("west", new ZoneShape.Polygon(rect(0, -500, 1000, 500)));
        Zone east = inclusion("east", new ZoneShape.Polygon(rect(1000, -500, 2000, 500)));
        ZoneIndex index = ZoneIndex.of(List.of(west, east));
        assertThat(predict(index, 900, 0, 50, 0, 10, 0)).isEmpty();
        assertThat(predict(index, 1900, 0, 50, 0, 10, 0)).singleElement()
                .satisfies(b -> assertThat(b.zone().id()).isEqualTo("east"));
    }

    @Test
    void currentBreachesAndVehiclesAtRestPredictNothing() {
        ZoneIndex index = ZoneIndex.of(List.of(squareExclusion("sq", 0, 0, 100)));
        assertThat(predict(index, 0, 0, 50, 0, 10, 0)).isEmpty();
        assertThat(predict(index, -150, 0, 50, 0, 0, 0)).isEmpty();
        assertThat(predict(index, -150, 0, 50, Double.NaN, 10, Double.NaN)).hasSize(1);
    }

    @Test
    void horizonMustBePositive() {
        assertThatThrownBy(() -> new BreachPredictor(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BreachPredictor(0.001).horizonS()).isEqualTo(0.001);
    }
}
