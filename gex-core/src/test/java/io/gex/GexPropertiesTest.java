package io.gex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.analysis.DoubleArray;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.GammaProfile;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import io.gex.testing.TestChains;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants that hold for any chain. */
class GexPropertiesTest {

  private static final GexEngine ENGINE = GexEngine.builder().build();

  private static double gross(GexAnalysis a) {
    return Math.abs(a.exposures().callGex()) + Math.abs(a.exposures().putGex()) + 1e-300;
  }

  @Test
  void total_equalsSumOfStrikesExpiriesHeatmapAndSides() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 300))
        .checkAssert(
            (seed, n) -> {
              GexAnalysis a = ENGINE.analyze(TestChains.random(seed, n));
              double tol = 1e-9 * gross(a);
              assertThat(a.exposures().byStrike().netGex().sum()).isCloseTo(a.totalGex(), within(tol));
              assertThat(a.exposures().byStrike().callGex().sum()).isCloseTo(a.exposures().callGex(), within(tol));
              assertThat(a.exposures().byStrike().putGex().sum()).isCloseTo(a.exposures().putGex(), within(tol));
              assertThat(a.exposures().byExpiry().stream().mapToDouble(ExpiryGex::netGex).sum())
                  .isCloseTo(a.totalGex(), within(tol));
              assertThat(a.exposures().heatmap().netGex().sum()).isCloseTo(a.totalGex(), within(tol));
              assertThat(a.exposures().callGex()).isGreaterThanOrEqualTo(0);
              assertThat(a.exposures().putGex()).isLessThanOrEqualTo(0);
            });
  }

  @Test
  void exposures_areLinearInOpenInterestAndMultiplier() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 200), integers().between(2, 7))
        .checkAssert(
            (seed, n, k) -> {
              OptionChain chain = TestChains.random(seed, n);
              GexAnalysis a = ENGINE.analyze(chain);
              List<OptionContract> scaled = new ArrayList<>();
              for (OptionContract c : chain.contracts()) {
                scaled.add(c.withOpenInterest(c.openInterest() * k));
              }
              GexAnalysis b = ENGINE.analyze(chain.withContracts(scaled));
              double tol = 1e-9 * k * gross(a);
              assertThat(b.totalGex()).isCloseTo(k * a.totalGex(), within(tol));
              assertThat(b.exposures().callGex()).isCloseTo(k * a.exposures().callGex(), within(tol));
              GexAnalysis m = GexEngine.builder().multiplier(100.0 * k).build().analyze(chain);
              assertThat(m.totalGex()).isCloseTo(k * a.totalGex(), within(tol));
              // The flip level does not move when every position is scaled.
              assertThat(b.zeroGamma().isPresent()).isEqualTo(a.zeroGamma().isPresent());
              if (a.zeroGamma().isPresent()) {
                assertThat(b.zeroGamma().getAsDouble())
                    .isCloseTo(a.zeroGamma().getAsDouble(), within(1e-5 * a.spot()));
              }
            });
  }

  @Test
  void convention_flipsTheSignOfEveryExposure() {
    GexEngine flipped =
        GexEngine.builder().signConvention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS).build();
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 200))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = TestChains.random(seed, n);
              GexAnalysis a = ENGINE.analyze(chain);
              GexAnalysis b = flipped.analyze(chain);
              double tol = 1e-12 * gross(a);
              assertThat(b.totalGex()).isCloseTo(-a.totalGex(), within(tol));
              assertThat(b.exposures().putGex()).isCloseTo(-a.exposures().putGex(), within(tol));
              for (int k = 0; k < a.exposures().byStrike().size(); k++) {
                assertThat(b.exposures().byStrike().netGex().get(k))
                    .isCloseTo(-a.exposures().byStrike().netGex().get(k), within(tol));
              }
              assertThat(b.zeroGammaCrossings().size()).isEqualTo(a.zeroGammaCrossings().size());
            });
  }

  @Test
  void everyReportedCrossing_isAZeroOfTheProfile() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(2, 300))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = TestChains.random(seed, n);
              // exactTotalGex prices each contract at its own quoted IV: compare with the vendor source.
              GexAnalysis a = GexEngine.builder().ivSource(IvSource.VENDOR).build().analyze(chain);
              for (GammaProfile p : a.profiles().all()) {
                double scale = 0;
                for (double v : p.totalGex().toArray()) {
                  scale = Math.max(scale, Math.abs(v));
                }
                DoubleArray crossings = p.crossings();
                for (int i = 0; i < crossings.size(); i++) {
                  double c = crossings.get(i);
                  assertThat(c).isBetween(p.spots().get(0), p.spots().get(p.spots().size() - 1));
                  if (p.scope() == GammaProfile.Scope.ALL_EXPIRIES) {
                    assertThat(GexEngineTest.exactTotalGex(chain, c))
                        .isCloseTo(0, within(1e-8 * scale));
                    // A sign change really happens around the crossing.
                    double below = GexEngineTest.exactTotalGex(chain, c * (1 - 1e-4));
                    double above = GexEngineTest.exactTotalGex(chain, c * (1 + 1e-4));
                    assertThat(below * above).isLessThanOrEqualTo(0);
                  }
                }
              }
            });
  }

  @Test
  void extremeButValidInput_neverYieldsNaNOrInfinity() {
    qt().withExamples(80)
        .forAll(longs().all(), doubles().between(0.01, 1e6))
        .checkAssert(
            (seed, spot) -> {
              SplittableRandom r = new SplittableRandom(seed);
              LocalDate base = LocalDate.of(2024, 3, 1);
              List<OptionContract> list = new ArrayList<>();
              for (int i = 0; i < 30; i++) {
                double strike = spot * Math.exp(r.nextDouble(-6, 6));
                double vol = Math.exp(r.nextDouble(Math.log(1e-4), Math.log(8)));
                list.add(
                    OptionContract.of(
                        "X" + i,
                        base.plusDays(r.nextInt(0, 3000)),
                        r.nextBoolean() ? OptionRight.CALL : OptionRight.PUT,
                        strike,
                        r.nextLong(0, 10_000_000_000L),
                        vol));
              }
              OptionChain chain = OptionChain.of("X", spot, TestChains.VALUATION, list);
              GexAnalysis a;
              try {
                a = ENGINE.analyze(chain);
              } catch (NoUsableContractsException e) {
                return; // every contract happened to be settled: a clear exception, not NaN
              }
              assertFinite(a.totalGex(), a.exposures().callGex(), a.exposures().putGex());
              for (double[] column :
                  new double[][] {
                    a.exposures().byStrike().netGex().toArray(), a.exposures().heatmap().netGex().toArray(),
                  }) {
                assertFinite(column);
              }
              for (GammaProfile p : a.profiles().all()) {
                assertFinite(p.totalGex().toArray());
                assertFinite(p.crossings().toArray());
              }
              for (OptionalDouble level :
                  List.of(a.zeroGamma(), a.exposures().strikeZeroGamma(), a.callWall(), a.putWall())) {
                if (level.isPresent()) {
                  assertFinite(level.getAsDouble());
                }
              }
            });
  }

  private static void assertFinite(double... values) {
    for (double v : values) {
      assertThat(Double.isFinite(v)).as("finite: %s", v).isTrue();
    }
  }
}
