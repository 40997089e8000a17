package org.skyfleet.planner.geo;

import java.util.List;

/**
 * An area on the ground: an outer ring and holes carved out of it (lakes, buildings, areas already
 * searched). Rings may be given open or closed (first point repeated at the end).
 *
 * @param outer the outer ring, at least three distinct points
 * @param holes rings inside the outer ring, each at least three distinct points
 */
public record GeoPolygon(List<GeoPoint> outer, List<List<GeoPoint>> holes) {

  public GeoPolygon {
    outer = outer == null ? List.of() : List.copyOf(outer);
    holes = holes == null ? List.of() : holes.stream().map(List::copyOf).toList();
  }

  public static GeoPolygon of(List<GeoPoint> outer) {
    return new GeoPolygon(outer, List.of());
  }

  /** Vertices over all rings, as given. */
  public int vertexCount() {
    int n = outer.size();
    for (List<GeoPoint> h : holes) {
      n += h.size();
    }
    return n;
  }
}
