package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.testing.TestChains;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Max pain: hand-checked chains and an O(n²) brute-force oracle. */
class MaxPainTest {

  private static final GexEngine ENGINE = GexEngine.builder().build();

  @Test
  void maxPain_handCheckedChain_isStrike4000() {
    ExpiryPinRisk near =
        PinRiskAnalyzer.DEFAULT.analyze(PinRiskTestChains.resolve(PinRiskTestChains.handChecked()))
            .headline()
            .orElseThrow();

    assertThat(near.expiry()).isEqualTo(PinRiskTestChains.NEAR);
    assertThat(near.maxPain()).isEqualTo(4000.0);
    // 15,000 OI-points × multiplier 100.
    assertThat(near.maxPainPayout()).isEqualTo(1_500_000.0);
  }

  @Test
  void maxPain_handCheckedPayouts_matchEveryStrike() {
    double[] strikes = {3900, 4000, 4100};
    double[] calls = {100, 300, 200};
    double[] puts = {400, 100, 50};
    double[] payout = new double[3];

    int index = MaxPain.index(strikes, calls, puts, 3, 4080, payout);

    assertThat(index).isEqualTo(1);
    assertThat(payout).containsExactly(20_000, 15_000, 50_000);
  }

  @Test
  void maxPain_putHeavyFarExpiry_isStrike3900() {
    PinRiskAnalysis analysis =
        PinRiskAnalyzer.DEFAULT.analyze(PinRiskTestChains.resolve(PinRiskTestChains.twoExpiries()));

    ExpiryPinRisk far = analysis.expiries().get(1);
    assertThat(far.expiry()).isEqualTo(PinRiskTestChains.FAR);
    assertThat(far.maxPain()).isEqualTo(3900.0);
    assertThat(far.maxPainPayout()).isEqualTo(1_000_000.0);
  }

  @Test
  void maxPain_noPayoutAtAnyStrike_isStrikeNearestSpot() {
    PinRiskAnalysis analysis =
        PinRiskAnalyzer.DEFAULT.analyze(PinRiskTestChains.resolve(PinRiskTestChains.twoExpiries()));

    ExpiryPinRisk near = analysis.expiries().get(0);
    assertThat(near.maxPain()).isEqualTo(4000.0);
    assertThat(near.maxPainPayout()).isZero();
  }

  @Test
  void maxPain_tieBetweenTwoStrikes_goesToStrikeNearestSpotThenLower() {
    // One call at 100 and one put at 110 (OI 1): settling at 100 or 110 pays 10 either way, 105 pays 10.
    double[] strikes = {100, 105, 110};
    double[] calls = {1, 0, 0};
    double[] puts = {0, 0, 1};
    double[] payout = new double[3];

    assertThat(MaxPain.index(strikes, calls, puts, 3, 109, payout)).isEqualTo(2);
    assertThat(MaxPain.index(strikes, calls, puts, 3, 104, payout)).isEqualTo(1);
    assertThat(MaxPain.index(strikes, calls, puts, 3, 107.5, payout)).isEqualTo(1);
    assertThat(payout).containsExactly(10, 10, 10);
  }

  @Test
  void maxPain_singleStrike_isThatStrike() {
    double[] payout = new double[1];

    assertThat(MaxPain.index(new double[] {4000}, new double[] {5}, new double[] {7}, 1, 3000, payout))
        .isZero();
    assertThat(payout[0]).isZero();
  }

  /** Random strike sets with integer strikes and open interest: every sum is exact in doubles. */
  @Test
  void maxPain_randomStrikeSets_matchesBruteForceOracle() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(1, 80))
        .checkAssert(
            (seed, m) -> {
              SplittableRandom random = new SplittableRandom(seed);
              TreeSet<Integer> set = new TreeSet<>();
              while (set.size() < m) {
                set.add(1 + random.nextInt(10_000));
              }
              double[] strikes = set.stream().mapToDouble(Integer::doubleValue).toArray();
              double[] calls = new double[m];
              double[] puts = new double[m];
              for (int i = 0; i < m; i++) {
                // Many zeros, so that ties and empty sides occur.
                calls[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(100_000);
                puts[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(100_000);
              }
              double spot = 1 + random.nextInt(10_000) + random.nextDouble();
              double[] payout = new double[m];

              int index = MaxPain.index(strikes, calls, puts, m, spot, payout);

              int oracle = -1;
              double oracleMin = Double.POSITIVE_INFINITY;
              for (int i = 0; i < m; i++) {
                double p = MaxPain.payoutAt(strikes[i], strikes, calls, puts, m);
                assertThat(payout[i]).isEqualTo(p);
                if (p < oracleMin
                    || (p == oracleMin
                        && Math.abs(strikes[i] - spot) < Math.abs(strikes[oracle] - spot))) {
                  oracleMin = p;
                  oracle = i;
                }
              }
              assertThat(index).isEqualTo(oracle);
            });
  }

  /** The engine's max pain per expiry against an O(n²) oracle over the raw contracts of random chains. */
  @Test
  void maxPain_randomChains_matchesBruteForceOverContracts() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 400))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = TestChains.random(seed, n);
              GexAnalysis analysis = ENGINE.analyze(chain);
              TreeMap<LocalDate, List<OptionContract>> byExpiry = new TreeMap<>();
              for (OptionContract c : chain.contracts()) {
                byExpiry.computeIfAbsent(c.expiry(), e -> new ArrayList<>()).add(c);
              }

              List<ExpiryPinRisk> expiries = analysis.pinRisk().expiries();
              assertThat(expiries).extracting(ExpiryPinRisk::expiry).containsExactlyElementsOf(byExpiry.keySet());
              for (ExpiryPinRisk e : expiries) {
                List<OptionContract> contracts = Objects.requireNonNull(byExpiry.get(e.expiry()));
                double best = Double.NaN;
                double bestPayout = Double.POSITIVE_INFINITY;
                for (OptionContract candidate : contracts) {
                  double s = candidate.strike();
                  double payout = 0;
                  for (OptionContract c : contracts) {
                    double intrinsic = c.isCall() ? s - c.strike() : c.strike() - s;
                    payout += c.openInterest() * Math.max(intrinsic, 0);
                  }
                  if (payout < bestPayout
                      || (payout == bestPayout
                          && (Math.abs(s - chain.spot()) < Math.abs(best - chain.spot())
                              || (Math.abs(s - chain.spot()) == Math.abs(best - chain.spot())
                                  && s < best)))) {
                    best = s;
                    bestPayout = payout;
                  }
                }
                assertThat(e.maxPain()).as("max pain of %s", e.expiry()).isEqualTo(best);
                assertThat(e.maxPainPayout()).isCloseTo(bestPayout * 100, within(1e-6));
              }
              assertThat(analysis.pinRisk().headline()).contains(expiries.get(0));
            });
  }
}
