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
import io.gex.settings.IvSource;
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

  // ---- Max pain from all open interest, independent of volatility (found defects) ----

  /**
   * Priced: call 3900 OI 100 and zero-OI contracts at 3900/4000. Without any implied volatility: put 4100 OI
   * 1000 and its call. Payout over all open interest: at 3900 → 1000·200 = 200,000; at 4000 → 100·100 +
   * 1000·100 = 110,000; at 4100 → 100·200 = 20,000: max pain 4100. Counting only the priced contracts (the
   * old code) gave 3900.
   */
  private static OptionChain withUnpricedOpenInterest() {
    return OptionChain.of(
        "SPX",
        4000,
        TestChains.VALUATION,
        List.of(
            PinRiskTestChains.call(PinRiskTestChains.NEAR, 3900, 100, 0.2),
            PinRiskTestChains.put(PinRiskTestChains.NEAR, 3900, 0, 0.2),
            PinRiskTestChains.call(PinRiskTestChains.NEAR, 4000, 0, 0.2),
            PinRiskTestChains.put(PinRiskTestChains.NEAR, 4000, 0, 0.2),
            PinRiskTestChains.call(PinRiskTestChains.NEAR, 4100, 0, 0),
            PinRiskTestChains.put(PinRiskTestChains.NEAR, 4100, 1000, 0),
            // An expiry where nothing can be priced: put 3950 OI 70, call 3900 OI 30.
            PinRiskTestChains.put(PinRiskTestChains.FAR, 3950, 70, 0),
            PinRiskTestChains.call(PinRiskTestChains.FAR, 3900, 30, 0)));
  }

  @Test
  void maxPain_contractsWithoutIv_countTheirOpenInterest() {
    for (IvSource source : IvSource.values()) {
      GexAnalysis a = GexEngine.builder().ivSource(source).build().analyze(withUnpricedOpenInterest());
      ExpiryPinRisk near = a.pinRisk().expiries().get(0);
      assertThat(near.maxPain()).as("source %s", source).isEqualTo(4100.0);
      assertThat(near.maxPainPayout()).isEqualTo(20_000 * 100.0);
      // Open interest by strike and the top strikes see the unpriced open interest too.
      OpenInterestByStrike oi = a.pinRisk().openInterestByStrike();
      assertThat(oi.strikes().toArray()).containsExactly(3900, 3950, 4000, 4100);
      assertThat(oi.putOpenInterest().toArray()).containsExactly(0, 70, 0, 1000);
      assertThat(oi.callOpenInterest().toArray()).containsExactly(130, 0, 0, 0);
      assertThat(a.pinRisk().topStrikes().get(0)).isEqualTo(new OpenInterestStrike(4100, 1000, 1000 / 1200.0));
    }
  }

  @Test
  void maxPain_expiryWithNoPricedContract_isReportedWithoutAVolatilityFigure() {
    GexAnalysis a =
        GexEngine.builder().ivSource(IvSource.VENDOR).build().analyze(withUnpricedOpenInterest());

    assertThat(a.pinRisk().expiries()).hasSize(2);
    ExpiryPinRisk far = a.pinRisk().expiries().get(1);
    assertThat(far.expiry()).isEqualTo(PinRiskTestChains.FAR);
    // At 3900: put 70·50 = 3,500; at 3950: call 30·50 = 1,500.
    assertThat(far.maxPain()).isEqualTo(3950.0);
    assertThat(far.maxPainPayout()).isEqualTo(1_500 * 100.0);
    assertThat(far.atmVolatility()).isZero();
    assertThat(far.expectedMove()).isZero();
    assertThat(far.proximity()).isZero();
    assertThat(far.score()).isZero();
    assertThat(far.timeToExpiry()).isCloseTo(14 / 365.0, within(1e-15));
  }

  @Test
  void maxPain_hugeOpenInterestTimesStrike_neverOverflowsToABadIndex() {
    // The largest open interest and strikes construction accepts: the old int/long running sums overflowed
    // on such products and the analysis threw ArrayIndexOutOfBoundsException: -1. (Beyond the accepted
    // ranges the sums saturate: maxPain_scaledSums_matchUnscaledWithinTheRangeAndSaturateBeyond.)
    long oi = (long) OptionContract.MAX_OPEN_INTEREST;
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            List.of(
                PinRiskTestChains.call(PinRiskTestChains.NEAR, 3e8, oi, 0.2),
                PinRiskTestChains.put(PinRiskTestChains.NEAR, 3e8, oi, 0.2),
                PinRiskTestChains.put(PinRiskTestChains.NEAR, 6e8, oi, 0.2),
                PinRiskTestChains.call(PinRiskTestChains.NEAR, 9e8, 1, 0.2)));

    PinRiskAnalysis p = PinRiskAnalyzer.DEFAULT.analyze(PinRiskTestChains.resolve(chain));

    ExpiryPinRisk near = p.headline().orElseThrow();
    // At 3e8 the put at 6e8 pays OI·3e8; at 6e8 the call at 3e8 pays the same; at 9e8 more: the tie goes to
    // the strike nearest spot, 3e8.
    assertThat(near.maxPain()).isEqualTo(3e8);
    assertThat(near.maxPainPayout()).isEqualTo(1e10 * 3e8 * 100); // dollars: × the multiplier
    assertThat(p.openInterestByStrike().putOpenInterest().toArray()).containsExactly(1e10, 1e10, 0);
  }

  @Test
  void maxPain_scaledSums_matchUnscaledWithinTheRangeAndSaturateBeyond() {
    double[] payout = new double[2];
    double huge = Long.MAX_VALUE;
    int index =
        MaxPain.index(new double[] {1e300, 2e300}, new double[] {huge, 0}, new double[] {0, huge}, 2, 1, payout);
    assertThat(index).isZero();
    assertThat(payout).containsExactly(Double.MAX_VALUE, Double.MAX_VALUE);
  }

  /**
   * Random chains where a third of the contracts have no implied volatility and some carry open interest
   * near the largest accepted (1e10): max pain per expiry against a brute-force oracle over every contract's open
   * interest, the same under every IV source.
   */
  @Test
  void maxPain_randomChainsWithUnpricedAndHugeOpenInterest_matchesOracleUnderEveryIvSource() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 200))
        .checkAssert(
            (seed, n) -> {
              SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
              List<OptionContract> contracts = new ArrayList<>();
              for (OptionContract c : TestChains.random(seed, n).contracts()) {
                int kind = random.nextInt(6);
                OptionContract d = kind < 2 ? c.withImpliedVolatility(0) : c;
                d = kind == 5 ? d.withOpenInterest((long) OptionContract.MAX_OPEN_INTEREST - random.nextInt(1000)) : d;
                contracts.add(d);
              }
              // One priced contract so that every source has something to analyse.
              contracts.add(OptionContract.of("SPX", LocalDate.of(2024, 3, 15), io.gex.chain.OptionRight.CALL, 4000, 1, 0.2));
              OptionChain chain = OptionChain.of("SPX", 4000, TestChains.VALUATION, contracts);
              TreeMap<LocalDate, List<OptionContract>> byExpiry = new TreeMap<>();
              for (OptionContract c : contracts) {
                byExpiry.computeIfAbsent(c.expiry(), e -> new ArrayList<>()).add(c);
              }
              List<ExpiryPinRisk> reference = null;
              for (IvSource source : IvSource.values()) {
                // The pin-risk analyzer alone: open interest this large is the subject, not the exposures.
                io.gex.settings.GexSettings settings = GexEngine.builder().ivSource(source).build().settings();
                List<ExpiryPinRisk> expiries =
                    PinRiskAnalyzer.DEFAULT.analyze(ResolvedChain.resolve(chain, settings)).expiries();
                assertThat(expiries)
                    .extracting(ExpiryPinRisk::expiry)
                    .containsExactlyElementsOf(byExpiry.keySet());
                for (ExpiryPinRisk e : expiries) {
                  List<OptionContract> list = Objects.requireNonNull(byExpiry.get(e.expiry()));
                  double min = Double.POSITIVE_INFINITY;
                  double scale = 0; // Σ OI·K: the documented tie tolerance is 1e-12 of it
                  for (OptionContract candidate : list) {
                    min = Math.min(min, payout(list, candidate.strike()));
                    scale += (double) candidate.openInterest() * candidate.strike();
                  }
                  double chosen = payout(list, e.maxPain());
                  assertThat(list).extracting(OptionContract::strike).contains(e.maxPain());
                  assertThat(chosen).as("%s %s", source, e.expiry()).isLessThanOrEqualTo(min + 1e-11 * scale);
                  assertThat(e.maxPainPayout()).isCloseTo(chosen * 100, within(1e-11 * scale * 100));
                }
                if (reference == null) {
                  reference = expiries;
                } else {
                  assertThat(expiries).extracting(ExpiryPinRisk::maxPain)
                      .containsExactlyElementsOf(reference.stream().map(ExpiryPinRisk::maxPain).toList());
                }
              }
            });
  }

  private static double payout(List<OptionContract> contracts, double s) {
    double sum = 0;
    for (OptionContract c : contracts) {
      double intrinsic = c.isCall() ? s - c.strike() : c.strike() - s;
      sum += (double) c.openInterest() * Math.max(intrinsic, 0);
    }
    return sum;
  }
}
