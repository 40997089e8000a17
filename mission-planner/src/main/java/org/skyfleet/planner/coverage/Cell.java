package org.skyfleet.planner.coverage;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * A boustrophedon cell: swaths on consecutive bands that one back-and-forth sweep covers.
 *
 * <p>A cell can be flown four ways ({@code option} 0..3): starting at its first or last swath
 * (bit 1) and at that swath's west or east end (bit 0). The exit follows from the entry and the
 * parity of the swath count; {@link #reverse} gives the option that flies the same path backwards.
 */
public final class Cell {
  private final List<Swath> swaths;

  public Cell(List<Swath> swaths) {
    this.swaths = List.copyOf(swaths);
  }

  public List<Swath> swaths() {
    return swaths;
  }

  /** The path of one option: swath ends in flying order (rotated frame). */
  public List<Coordinate> path(int option) {
    boolean fromFirst = (option & 2) == 0;
    boolean eastward = (option & 1) == 0;
    int m = swaths.size();
    List<Coordinate> out = new ArrayList<>(2 * m);
    for (int k = 0; k < m; k++) {
      Swath s = swaths.get(fromFirst ? k : m - 1 - k);
      out.add(eastward ? s.left() : s.right());
      out.add(eastward ? s.right() : s.left());
      eastward = !eastward;
    }
    return out;
  }

  public Coordinate entry(int option) {
    Swath s = swaths.get((option & 2) == 0 ? 0 : swaths.size() - 1);
    return (option & 1) == 0 ? s.left() : s.right();
  }

  public Coordinate exit(int option) {
    boolean fromFirst = (option & 2) == 0;
    boolean eastward = (option & 1) == 0;
    boolean endsEast = eastward == (swaths.size() % 2 == 1);
    Swath s = swaths.get(fromFirst ? swaths.size() - 1 : 0);
    return endsEast ? s.right() : s.left();
  }

  /** The option that flies {@code option}'s path backwards. */
  public int reverse(int option) {
    boolean fromFirst = (option & 2) == 0;
    boolean eastward = (option & 1) == 0;
    boolean endsEast = eastward == (swaths.size() % 2 == 1);
    return (fromFirst ? 2 : 0) | (endsEast ? 1 : 0);
  }

  /** Length of the option's path with straight connectors, metres. */
  public double lengthM(int option) {
    List<Coordinate> p = path(option);
    double len = 0;
    for (int i = 1; i < p.size(); i++) {
      len += p.get(i - 1).distance(p.get(i));
    }
    return len;
  }
}
