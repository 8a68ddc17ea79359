package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.testing.TestChains;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pin risk: top strikes, expected move, the score and its components. */
class PinRiskAnalyzerTest {

  private static final PinRiskAnalyzer ANALYZER = PinRiskAnalyzer.DEFAULT;

  /** 7 days and 1 hour in years of 365 days. */
  private static final double NEAR_TAU = (7 + 1 / 24.0) / 365;

  /** Exactly 14 days in years. */
  private static final double FAR_TAU = 14 / 365.0;

  private static PinRiskAnalysis twoExpiries() {
    return ANALYZER.analyze(PinRiskTestChains.resolve(PinRiskTestChains.twoExpiries()));
  }

  @Test
  void topStrikes_twoExpiries_rankedByOpenInterestWithShares() {
    PinRiskAnalysis analysis = twoExpiries();

    // Equal open interest (3800 and 4200, 1000 each) lists the lower strike first; zero-OI strikes never.
    assertThat(analysis.expiries().get(0).topStrikes())
        .containsExactly(new OpenInterestStrike(3800, 1000, 0.5), new OpenInterestStrike(4200, 1000, 0.5));
    assertThat(analysis.expiries().get(1).topStrikes())
        .containsExactly(
            new OpenInterestStrike(3900, 2300, 2300 / 2800.0),
            new OpenInterestStrike(4100, 300, 300 / 2800.0),
            new OpenInterestStrike(4000, 200, 200 / 2800.0));
    assertThat(analysis.topStrikes())
        .containsExactly(
            new OpenInterestStrike(3900, 2300, 2300 / 4800.0),
            new OpenInterestStrike(3800, 1000, 1000 / 4800.0),
            new OpenInterestStrike(4200, 1000, 1000 / 4800.0),
            new OpenInterestStrike(4100, 300, 300 / 4800.0),
            new OpenInterestStrike(4000, 200, 200 / 4800.0));
  }

  @Test
  void topStrikes_limitedToAnalyzerSetting() {
    PinRiskAnalysis analysis =
        new PinRiskAnalyzer(2, 0.05, 2)
            .analyze(PinRiskTestChains.resolve(PinRiskTestChains.twoExpiries()));

    assertThat(analysis.topStrikes()).extracting(OpenInterestStrike::strike).containsExactly(3900.0, 3800.0);
    assertThat(analysis.expiries().get(1).topStrikes()).hasSize(2);
  }

  @Test
  void expectedMove_atTheMoney_isSpotTimesVolTimesSqrtTime() {
    PinRiskAnalysis analysis = twoExpiries();

    ExpiryPinRisk near = analysis.expiries().get(0);
    ExpiryPinRisk far = analysis.expiries().get(1);
    assertThat(near.atmVolatility()).isCloseTo(0.20, within(1e-15));
    assertThat(near.timeToExpiry()).isCloseTo(NEAR_TAU, within(1e-15));
    assertThat(near.expectedMove()).isCloseTo(4000 * 0.20 * Math.sqrt(NEAR_TAU), within(1e-9));
    assertThat(near.expectedMove()).isCloseTo(111.12, within(0.01));
    assertThat(far.atmVolatility()).isCloseTo(0.21, within(1e-15));
    assertThat(far.expectedMove()).isCloseTo(4000 * 0.21 * Math.sqrt(FAR_TAU), within(1e-9));
    assertThat(near.daysToExpiry()).isEqualTo(7);
    assertThat(far.daysToExpiry()).isEqualTo(14);
  }

  @Test
  void atmVolatility_spotBetweenStrikes_interpolatesLinearlyInStrike() {
    OptionChain chain = PinRiskTestChains.twoExpiries().withSpot(4025);

    ExpiryPinRisk near = ANALYZER.analyze(PinRiskTestChains.resolve(chain)).expiries().get(0);

    // 4000: (0.19 + 0.21) / 2 = 0.20; 4100: 0.18 (put only); a quarter of the way.
    assertThat(near.atmVolatility()).isCloseTo(0.75 * 0.20 + 0.25 * 0.18, within(1e-15));
    assertThat(near.expectedMove()).isCloseTo(4025 * 0.195 * Math.sqrt(NEAR_TAU), within(1e-9));
  }

  @Test
  void atmVolatility_spotBelowEveryStrike_usesLowestStrike() {
    OptionChain chain = PinRiskTestChains.twoExpiries().withSpot(3000);

    ExpiryPinRisk near = ANALYZER.analyze(PinRiskTestChains.resolve(chain)).expiries().get(0);

    assertThat(near.atmVolatility()).isCloseTo(0.25, within(1e-15));
    assertThat(near.pinStrike()).isEqualTo(3800.0);
  }

  @Test
  void score_handCheckedChain_isProductOfDocumentedComponents() {
    ExpiryPinRisk near =
        ANALYZER.analyze(PinRiskTestChains.resolve(PinRiskTestChains.handChecked())).headline().orElseThrow();

    double expectedMove = 4080 * 0.20 * Math.sqrt(NEAR_TAU);
    double c = 250 / 1150.0;
    double w = c * 1.05 / (c + 0.05);
    double z = 20 / expectedMove;
    double p = Math.exp(-0.5 * z * z);
    double t = 2 / (2 + NEAR_TAU * 365);
    assertThat(near.pinStrike()).isEqualTo(4100.0);
    assertThat(near.concentration()).isCloseTo(c, within(1e-15));
    assertThat(near.concentrationWeight()).isCloseTo(w, within(1e-15));
    assertThat(near.proximity()).isCloseTo(p, within(1e-15));
    assertThat(near.timeFactor()).isCloseTo(t, within(1e-15));
    assertThat(near.score()).isCloseTo(100 * w * p * t, within(1e-12));
    // 0.8537 × 0.9846 × 0.2212 × 100.
    assertThat(near.score()).isCloseTo(18.6, within(0.1));
  }

  @Test
  void score_noOpenInterestAtPinStrike_isZero() {
    ExpiryPinRisk near = twoExpiries().expiries().get(0);

    assertThat(near.pinStrike()).isEqualTo(4000.0);
    assertThat(near.concentration()).isZero();
    assertThat(near.proximity()).isEqualTo(1.0);
    assertThat(near.score()).isZero();
  }

  @Test
  void analyze_zeroOpenInterest_scoresZeroAndListsNoStrikes() {
    OptionChain chain =
        PinRiskTestChains.map(PinRiskTestChains.twoExpiries(), c -> c.withOpenInterest(0));

    PinRiskAnalysis analysis = ANALYZER.analyze(PinRiskTestChains.resolve(chain));

    assertThat(analysis.topStrikes()).isEmpty();
    assertThat(analysis.expiries()).hasSize(2);
    for (ExpiryPinRisk e : analysis.expiries()) {
      assertThat(e.topStrikes()).isEmpty();
      assertThat(e.score()).isZero();
      assertThat(e.maxPainPayout()).isZero();
      assertThat(e.maxPain()).isEqualTo(4000.0);
    }
  }

  @Test
  void headline_isNearestExpiry() {
    PinRiskAnalysis analysis = twoExpiries();

    assertThat(analysis.expiries())
        .extracting(ExpiryPinRisk::expiry)
        .containsExactly(PinRiskTestChains.NEAR, PinRiskTestChains.FAR);
    assertThat(analysis.headline()).contains(analysis.expiries().get(0));
    assertThat(PinRiskAnalysis.EMPTY.headline()).isEmpty();
  }

  @Test
  void engine_fourContracts_reportsPinRisk() {
    GexAnalysis analysis = GexEngine.builder().build().analyze(TestChains.fourContracts());

    ExpiryPinRisk e = analysis.pinRisk().headline().orElseThrow();
    // Under the default IV source (otm) both members at 4000 take the out-of-the-money call's 0.18.
    // Calls 4000 (800) and 4100 (1200), puts 3900 (1000) and 4000 (500). Payout at 3900: 500·100 = 50,000;
    // at 4000: 0; at 4100: 800·100 = 80,000.
    assertThat(e.maxPain()).isEqualTo(4000.0);
    assertThat(e.maxPainPayout()).isZero();
    assertThat(e.pinStrike()).isEqualTo(4000.0);
    assertThat(e.concentration()).isCloseTo(1300 / 3500.0, within(1e-15));
    assertThat(e.atmVolatility()).isCloseTo(0.18, within(1e-15));
    GexAnalysis vendor =
        GexEngine.builder().ivSource(io.gex.settings.IvSource.VENDOR).build().analyze(TestChains.fourContracts());
    assertThat(vendor.pinRisk().headline().orElseThrow().atmVolatility()).isCloseTo(0.19, within(1e-15));
  }

  @Test
  void score_risesWithConcentration() {
    qt().forAll(
            doubles().between(0, 1), doubles().between(0, 1), doubles().between(0, 5), doubles().between(0, 60))
        .checkAssert(
            (a, b, z, d) -> {
              double lo = Math.min(a, b);
              double hi = Math.max(a, b);
              assertThat(ANALYZER.score(hi, z, d)).isGreaterThanOrEqualTo(ANALYZER.score(lo, z, d));
              if (hi > lo) {
                assertThat(ANALYZER.concentrationWeight(hi))
                    .isGreaterThan(ANALYZER.concentrationWeight(lo));
              }
            });
  }

  @Test
  void score_fallsWithDistanceInExpectedMoves() {
    qt().forAll(
            doubles().between(0, 1), doubles().between(0, 5), doubles().between(0, 5), doubles().between(0, 60))
        .checkAssert(
            (c, a, b, d) -> {
              double near = Math.min(a, b);
              double far = Math.max(a, b);
              assertThat(ANALYZER.score(c, near, d)).isGreaterThanOrEqualTo(ANALYZER.score(c, far, d));
              if (far > near) {
                assertThat(ANALYZER.proximity(near)).isGreaterThan(ANALYZER.proximity(far));
              }
            });
  }

  @Test
  void score_risesAsSettlementApproaches() {
    qt().forAll(
            doubles().between(0, 1), doubles().between(0, 5), doubles().between(0, 400), doubles().between(0, 400))
        .checkAssert(
            (c, z, a, b) -> {
              double sooner = Math.min(a, b);
              double later = Math.max(a, b);
              assertThat(ANALYZER.score(c, z, sooner)).isGreaterThanOrEqualTo(ANALYZER.score(c, z, later));
              if (later > sooner) {
                assertThat(ANALYZER.timeFactor(sooner)).isGreaterThan(ANALYZER.timeFactor(later));
              }
            });
  }

  @Test
  void score_strictlyMonotoneWhereComponentsArePositive() {
    assertThat(ANALYZER.score(0.3, 0.5, 1)).isGreaterThan(ANALYZER.score(0.2, 0.5, 1));
    assertThat(ANALYZER.score(0.3, 0.5, 1)).isGreaterThan(ANALYZER.score(0.3, 0.6, 1));
    assertThat(ANALYZER.score(0.3, 0.5, 1)).isGreaterThan(ANALYZER.score(0.3, 0.5, 2));
    assertThat(ANALYZER.score(1, 0, 0)).isEqualTo(100.0);
    assertThat(ANALYZER.score(0, 0, 0)).isZero();
    // Half-saturation and half-time: w(c0) = 1.05 / 2, t(d0) = 1 / 2.
    assertThat(ANALYZER.concentrationWeight(0.05)).isCloseTo(0.525, within(1e-15));
    assertThat(ANALYZER.timeFactor(2)).isEqualTo(0.5);
  }

  @Test
  void analyze_randomChains_scoresAndSharesInRange() {
    GexEngine engine = GexEngine.builder().build();
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 300))
        .checkAssert(
            (seed, n) -> {
              PinRiskAnalysis analysis = engine.analyze(TestChains.random(seed, n)).pinRisk();
              for (ExpiryPinRisk e : analysis.expiries()) {
                assertThat(e.score()).isBetween(0.0, 100.0);
                assertThat(e.score())
                    .isCloseTo(
                        100 * e.concentrationWeight() * e.proximity() * e.timeFactor(), within(1e-9));
                assertThat(e.topStrikes().size()).isLessThanOrEqualTo(PinRiskAnalyzer.DEFAULT_TOP_STRIKES);
                assertThat(e.topStrikes().stream().mapToDouble(OpenInterestStrike::share).sum())
                    .isLessThanOrEqualTo(1 + 1e-12);
                for (int i = 1; i < e.topStrikes().size(); i++) {
                  assertThat(e.topStrikes().get(i).openInterest())
                      .isLessThanOrEqualTo(e.topStrikes().get(i - 1).openInterest());
                }
                assertThat(Math.abs(e.pinStrike() - 4000)).isLessThanOrEqualTo(Math.abs(e.maxPain() - 4000) + 1e-9);
              }
              // The chain's top strikes are those of a full sort: open interest down, then strike up.
              OpenInterestByStrike byStrike = analysis.openInterestByStrike();
              List<double[]> ranked = new ArrayList<>();
              for (int k = 0; k < byStrike.size(); k++) {
                double oi = byStrike.callOpenInterest().get(k) + byStrike.putOpenInterest().get(k);
                if (oi > 0) {
                  ranked.add(new double[] {byStrike.strikes().get(k), oi});
                }
              }
              ranked.sort(
                  Comparator.<double[]>comparingDouble(r -> -r[1]).thenComparingDouble(r -> r[0]));
              assertThat(analysis.topStrikes())
                  .extracting(OpenInterestStrike::strike)
                  .containsExactlyElementsOf(
                      ranked.stream()
                          .limit(PinRiskAnalyzer.DEFAULT_TOP_STRIKES)
                          .map(r -> r[0])
                          .collect(Collectors.toList()));
            });
  }

  @Test
  void timeFactor_laterValuation_rises() {
    OptionChain chain = PinRiskTestChains.handChecked();
    OptionChain later =
        new OptionChain(
            chain.underlying(),
            chain.spot(),
            chain.valuationTime().plusSeconds(3 * 86_400),
            chain.contracts(),
            List.of());

    ExpiryPinRisk before = ANALYZER.analyze(PinRiskTestChains.resolve(chain)).expiries().get(0);
    ExpiryPinRisk after = ANALYZER.analyze(PinRiskTestChains.resolve(later)).expiries().get(0);

    assertThat(after.timeFactor()).isGreaterThan(before.timeFactor());
    assertThat(after.timeFactor()).isCloseTo(2 / (2 + 4 + 1 / 24.0), within(1e-12));
    assertThat(after.daysToExpiry()).isEqualTo(4);
  }

  @Test
  void constructor_badParameters_throwNamingTheParameter() {
    assertThatThrownBy(() -> new PinRiskAnalyzer(0, 0.05, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topStrikes must be >= 1, was 0");
    assertThatThrownBy(() -> new PinRiskAnalyzer(5, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concentrationScale must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> new PinRiskAnalyzer(5, 0.05, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeScaleDays must be finite and > 0, was NaN");
    assertThatThrownBy(() -> ANALYZER.score(1.5, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concentration must be in [0, 1], was 1.5");
  }

  @Test
  void records_outOfRange_throwNamingTheField() {
    assertThatThrownBy(() -> new OpenInterestStrike(4000, 10, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("share must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> new OpenInterestStrike(4000, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("openInterest must be >= 0, was -1");
    assertThatThrownBy(
            () ->
                new ExpiryPinRisk(
                    LocalDate.of(2024, 3, 8), 7, 4000, 0, 4000, 101, 0.5, 0.5, 1, 1, 10, 0.2, 0.02, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [0, 100], was 101.0");
    ExpiryPinRisk e = twoExpiries().expiries().get(0);
    assertThatThrownBy(() -> new PinRiskAnalysis(List.of(e, e), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expiries must be strictly ascending");
  }
}
