package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexEngine;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tracker follows spot through random walks with jumps, and at every spot answers what a fresh
 * window search of a fresh resolve answers; it reuses proven crossings for most small moves.
 */
class ZeroGammaTrackerTest {

  private static final Instant NOW = Instant.parse("2024-03-14T15:00:00Z");

  /** Puts heavy below 5000, calls heavy above: a flip near 5000; a second expiry with other weights. */
  private static List<OptionContract> contracts(SplittableRandom random) {
    List<OptionContract> contracts = new ArrayList<>();
    for (int e = 0; e < 2; e++) {
      LocalDate expiry = LocalDate.of(2024, 3, 15).plusDays(e == 0 ? 1 : 14 + random.nextInt(20));
      for (int k = 4600; k <= 5400; k += 10) {
        for (OptionRight right : OptionRight.values()) {
          boolean call = right == OptionRight.CALL;
          double heavy = call ? (k >= 5000 ? 3 : 1) : (k < 5000 ? 3 : 1);
          contracts.add(
              OptionContract.builder(new OccSymbol("SPXW", expiry, right, k))
                  .openInterest((long) (random.nextInt(2000) * heavy))
                  .impliedVolatility(0.10 + random.nextDouble() * 0.15 + Math.abs(k - 5000) * 2e-4)
                  .build());
        }
      }
    }
    return contracts;
  }

  @Test
  void answers_equalAFreshSearch_alongRandomWalks() {
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(0, 1))
        .checkAssert(
            (seed, vendor) -> {
              SplittableRandom random = new SplittableRandom(seed);
              GexSettings settings =
                  GexEngine.builder()
                      .ivSource(vendor == 1 ? IvSource.VENDOR : IvSource.OTM)
                      .build()
                      .settings();
              List<OptionContract> contracts = contracts(random);
              ZeroGammaTracker tracker = new ZeroGammaTracker();
              ResolvedChain.Instruments instruments = null;
              double spot = 4950 + random.nextDouble() * 100;
              for (int step = 0; step < 120; step++) {
                // Mostly ticks of a few cents to a point; now and then a jump of up to 3%.
                spot *=
                    random.nextInt(15) == 0
                        ? 1 + (random.nextDouble() - 0.5) * 0.06
                        : 1 + (random.nextDouble() - 0.5) * 4e-4;
                ResolvedChain reused =
                    ResolvedChain.resolve("SPX", spot, NOW, contracts, List.of(), settings, instruments);
                instruments = reused.instruments();
                OptionalDouble tracked = tracker.zeroGamma(reused);
                OptionalDouble expected =
                    GammaProfileCalculator.DEFAULT.zeroGamma(
                        ResolvedChain.resolve(OptionChain.of("SPX", spot, NOW, contracts), settings));
                assertThat(tracked.isPresent()).as("spot %s", spot).isEqualTo(expected.isPresent());
                if (expected.isPresent()) {
                  double e = expected.getAsDouble();
                  assertThat(tracked.getAsDouble()).as("spot %s", spot).isCloseTo(e, within(1e-9 * e));
                }
              }
              assertThat(tracker.searches() + tracker.reused()).isEqualTo(120);
              assertThat(tracker.reused()).as("answers from proven crossings").isGreaterThan(40);
              assertThat(tracker.searches()).as("searches after jumps").isGreaterThan(1);
            });
  }

  @Test
  void aChangedKernel_isSearchedAgain() {
    SplittableRandom random = new SplittableRandom(5);
    List<OptionContract> contracts = contracts(random);
    GexSettings settings = GexSettings.DEFAULT;
    ResolvedChain first = ResolvedChain.resolve(OptionChain.of("SPX", 5000, NOW, contracts), settings);
    ZeroGammaTracker tracker = new ZeroGammaTracker();
    tracker.zeroGamma(first);
    List<OptionContract> changed = new ArrayList<>(contracts);
    changed.set(80, changed.get(80).withOpenInterest(500_000)); // far more gamma at one strike
    ResolvedChain next =
        ResolvedChain.resolve("SPX", 5000, NOW, changed, List.of(), settings, first.instruments());
    OptionalDouble tracked = tracker.zeroGamma(next);
    assertThat(tracker.searches()).isEqualTo(2);
    assertThat(tracked).isEqualTo(GammaProfileCalculator.DEFAULT.zeroGamma(next));
  }

  @Test
  void spotHoveringAboutAStrike_searchesEachOfItsTwoKernelsOnce() {
    // Under otm the pair at 5000 takes the call's volatility at or below 5000 and the put's above it: two
    // kernels, one each side of the strike.
    SplittableRandom random = new SplittableRandom(11);
    List<OptionContract> contracts = contracts(random);
    GexSettings otm = GexEngine.builder().ivSource(IvSource.OTM).build().settings();
    ZeroGammaTracker tracker = new ZeroGammaTracker();
    ResolvedChain.Instruments instruments = null;
    ResolvedChain below = null;
    ResolvedChain above = null;
    for (int step = 0; step < 20; step++) {
      double spot = step % 2 == 0 ? 4999.5 - step * 0.01 : 5000.5 + step * 0.01;
      // A live chain moves each side's last resolve to the new spot (ResolvedChain.atSpot).
      ResolvedChain side = step % 2 == 0 ? below : above;
      ResolvedChain chain =
          side != null
              ? side.atSpot(spot).orElseThrow()
              : ResolvedChain.resolve("SPX", spot, NOW, contracts, List.of(), otm, instruments);
      instruments = chain.instruments();
      if (step % 2 == 0) {
        below = chain;
      } else {
        above = chain;
      }
      OptionalDouble expected =
          GammaProfileCalculator.DEFAULT.zeroGamma(
              ResolvedChain.resolve(OptionChain.of("SPX", spot, NOW, contracts), otm));
      OptionalDouble tracked = tracker.zeroGamma(chain);
      assertThat(tracked.isPresent()).isEqualTo(expected.isPresent());
      if (expected.isPresent()) {
        double e = expected.getAsDouble();
        assertThat(tracked.getAsDouble()).as("spot %s", spot).isCloseTo(e, within(1e-9 * e));
      }
    }
    assertThat(java.util.Objects.requireNonNull(below).gexCoef)
        .isNotSameAs(java.util.Objects.requireNonNull(above).gexCoef); // two kernels indeed
    assertThat(tracker.searches()).isEqualTo(2);
    assertThat(tracker.reused()).isEqualTo(18);
  }
}
