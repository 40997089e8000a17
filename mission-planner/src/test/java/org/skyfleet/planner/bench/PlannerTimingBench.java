package org.skyfleet.planner.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;

/**
 * JMH timing of a whole coverage {@code MissionPlanner.plan} call (validation, direction, swaths, cells,
 * routing, footprint, metrics) for each benchmark area, sampled so the median (p0.50) shows through
 * the noise of a shared machine. Run with {@code org.openjdk.jmh.Main
 * PlannerTimingBench}; see the module README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlannerTimingBench {
  @Param({"rectangle-1km2", "L-shape-1km2", "coastline-1km2", "10-holes-1km2", "rectangle-25km2",
      "L-shape-25km2", "coastline-25km2", "10-holes-25km2"})
  public String area;

  private final MissionPlanner planner = new MissionPlanner();
  private PlanRequest request;

  @Setup
  public void setUp() {
    request = BenchAreas.request(BenchAreas.all().get(area));
  }

  @Benchmark
  public Plan plan() {
    return planner.plan(request);
  }
}
