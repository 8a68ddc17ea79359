package io.gex.bench;

import java.util.SplittableRandom;

/**
 * Spot as an index prints it tick by tick, for the live benchmarks: a seeded random walk with steps of 0.01
 * to 0.5 index points per 4,000 of level (an index at 4,000 moves a few cents to half a point a tick),
 * pulled back when it strays more than 0.2% from where it started, so that a long run stays on the same
 * part of the chain. The same seed gives the same walk. Not thread-safe.
 */
final class SpotWalk {

  private final double start;
  private final SplittableRandom random;
  private double spot;

  SpotWalk(double start, long seed) {
    this.start = start;
    this.spot = start;
    this.random = new SplittableRandom(seed);
  }

  /** The next print. */
  double next() {
    double step = (0.01 + random.nextDouble() * 0.49) * start / 4000;
    boolean up = spot > start * 1.002 ? false : spot < start * 0.998 || random.nextBoolean();
    spot += up ? step : -step;
    return spot;
  }
}
