package org.skyfleet.fleet.geofence;

import java.util.Objects;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/** The outline of a zone on the ground: a polygon with holes, or a circle. */
public sealed interface ZoneShape permits ZoneShape.Polygon, ZoneShape.Circle {

    /** A point every local frame of this shape is centred on (first outer vertex or the centre). */
    GeoPoint anchor();

    /**
     * A polygon with holes, WGS84 degrees. Rings may be open or closed.
     *
     * @param polygon the outline
     */
    record Polygon(GeoPolygon polygon) implements ZoneShape {
        public Polygon {
            Objects.requireNonNull(polygon, "polygon");
        }

        @Override
        public GeoPoint anchor() {
            return polygon.outer().isEmpty() ? new GeoPoint(0, 0) : polygon.outer().get(0);
        }
    }

    /**
     * A circle on the ground.
     *
     * @param centre  WGS84 centre
     * @param radiusM radius, metres, above 0
     */
    record Circle(GeoPoint centre, double radiusM) implements ZoneShape {
        public Circle {
            Objects.requireNonNull(centre, "centre");
        }

        @Override
        public GeoPoint anchor() {
            return centre;
        }
    }
}
