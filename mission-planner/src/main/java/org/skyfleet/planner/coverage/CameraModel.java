package org.skyfleet.planner.coverage;

import java.util.Locale;
import org.skyfleet.planner.PlanningException;

/**
 * A downward camera and how it is flown.
 *
 * <p>Sweep width = 2 · altitude · tan(hFov / 2) · (1 − sideOverlap / 100): the across-track ground
 * footprint less the overlap kept between neighbouring sweeps.
 *
 * @param hFovDeg across-track field of view, degrees, 0 (exclusive)..180 (exclusive)
 * @param altitudeAglM flight altitude above ground, metres, above 0
 * @param sideOverlapPercent overlap between neighbouring sweeps, percent, 0..99
 */
public record CameraModel(double hFovDeg, double altitudeAglM, double sideOverlapPercent) {

  /** Across-track footprint without overlap, metres. */
  public double footprintWidthM() {
    return 2 * altitudeAglM * Math.tan(Math.toRadians(hFovDeg) / 2);
  }

  /**
   * Spacing between sweeps, metres.
   *
   * @throws PlanningException INVALID_ARGUMENT when a parameter is out of range
   */
  public double sweepWidthM() {
    if (!(hFovDeg > 0 && hFovDeg < 180)) {
      throw PlanningException.invalid(String.format(Locale.ROOT,
          "camera field of view %.1f° must be between 0 and 180°: check the camera model", hFovDeg));
    }
    if (!(altitudeAglM > 0) || !Double.isFinite(altitudeAglM)) {
      throw PlanningException.invalid(String.format(Locale.ROOT,
          "camera altitude %.1f m must be above 0 m: set the survey altitude", altitudeAglM));
    }
    if (!(sideOverlapPercent >= 0 && sideOverlapPercent < 100)) {
      throw PlanningException.invalid(String.format(Locale.ROOT,
          "side overlap %.1f%% must be in 0..99%%", sideOverlapPercent));
    }
    return footprintWidthM() * (1 - sideOverlapPercent / 100);
  }
}
