package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/** The split projection is the planner's {@link LocalFrame}, to the millimetre. */
class EnuFrameTest {

    @Property(tries = 200)
    void agreesWithThePlannersLocalFrame(@ForAll @DoubleRange(min = -80, max = 80) double lat0,
                                         @ForAll @DoubleRange(min = -179, max = 179) double lon0,
                                         @ForAll @DoubleRange(min = -20_000, max = 20_000) double eastM,
                                         @ForAll @DoubleRange(min = -20_000, max = 20_000) double northM) {
        GeoPoint origin = new GeoPoint(lat0, lon0);
        LocalFrame planner = new LocalFrame(origin);
        GeoPoint p = planner.toGeo(eastM, northM);

        Coordinate c = new EnuFrame(origin).toLocal(p);

        assertThat(c.x).isCloseTo(eastM, within(0.001));
        assertThat(c.y).isCloseTo(northM, within(0.001));
    }
}
