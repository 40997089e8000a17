package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

class CameraFootprintsTest {
    private static final GeoPoint ORIGIN = new GeoPoint(57.15, -2.10);
    private static final LocalFrame FRAME = new LocalFrame(ORIGIN);

    private static List<FlownSample> northbound(double altM, double headingDeg, double... northM) {
        List<FlownSample> out = new ArrayList<>();
        for (double n : northM) {
            GeoPoint p = FRAME.toGeo(0, n);
            out.add(new FlownSample(p.latDeg(), p.lonDeg(), altM, headingDeg));
        }
        return out;
    }

    @Test
    void straightTrackSweepsLengthTimesSwath() {
        // 60 m AGL, half-FOV 35°: 42.0 m either side
        Geometry g = CameraFootprints.swept(northbound(60, 0, 0, 250, 500, 750, 1000), 35, FRAME);
        double swath = 2 * 60 * Math.tan(Math.toRadians(35));
        assertThat(g.getArea()).isCloseTo(1000 * swath, within(1000 * swath * 0.001));
        assertThat(g.getEnvelopeInternal().getMinX()).isCloseTo(-swath / 2, within(0.01));
    }

    @Test
    void crabbingNarrowsTheSweptWidthAcrossTheTrack() {
        Geometry straight = CameraFootprints.swept(northbound(60, 0, 0, 500), 35, FRAME);
        Geometry crab = CameraFootprints.swept(northbound(60, 30, 0, 500), 35, FRAME);
        assertThat(crab.getArea()).isCloseTo(straight.getArea() * Math.cos(Math.toRadians(30)), within(1.0));
    }

    @Test
    void sampleOnTheGroundBreaksTheTrack() {
        List<FlownSample> s = northbound(60, 0, 0, 250, 500, 750);
        GeoPoint p = FRAME.toGeo(0, 500);
        s.set(2, new FlownSample(p.latDeg(), p.lonDeg(), 0, 0));
        Geometry g = CameraFootprints.swept(s, 35, FRAME);
        double swath = 2 * 60 * Math.tan(Math.toRadians(35));
        assertThat(g.getArea()).isCloseTo(250 * swath, within(1.0));
        assertThat(CameraFootprints.swept(northbound(60, 0, 100), 35, FRAME).isEmpty()).isTrue();
    }
}
