package io.gex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gex.analysis.DoubleArray;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GexExposures;
import io.gex.chain.ContractDiagnostic.Reason;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.greeks.BlackScholes;
import io.gex.settings.ExpirySelection;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import io.gex.testing.TestChains;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GexEngineTest {

  private static final double TAU = 27 / 365.0;
  /** Each contract's own IV ({@code vendor}): the closed forms below use the IVs as written. */
  private static final GexEngine ENGINE = GexEngine.builder().ivSource(IvSource.VENDOR).build();

  /** Hand formula: sign × gamma × OI × 100 × S² × 0.01. */
  private static double gex(double sign, double strike, double oi, double vol) {
    return sign * BlackScholes.gamma(4000, strike, TAU, vol, 0, 0) * oi * 100 * 4000 * 4000 * 0.01;
  }

  @Test
  void analyze_fourContracts_matchesHandComputedGex() {
    GexAnalysis a = ENGINE.analyze(TestChains.fourContracts());
    double put3900 = gex(-1, 3900, 1000, 0.25);
    double put4000 = gex(-1, 4000, 500, 0.20);
    double call4000 = gex(1, 4000, 800, 0.18);
    double call4100 = gex(1, 4100, 1200, 0.16);
    double tol = 1e-9 * (Math.abs(put3900) + Math.abs(call4100));
    assertThat(a.exposures().callGex()).isCloseTo(call4000 + call4100, within(tol));
    assertThat(a.exposures().putGex()).isCloseTo(put3900 + put4000, within(tol));
    assertThat(a.totalGex()).isCloseTo(put3900 + put4000 + call4000 + call4100, within(tol));
    assertThat(a.exposures().byStrike().strikes().toArray()).containsExactly(3900, 4000, 4100);
    assertThat(a.exposures().byStrike().netGex().get(1)).isCloseTo(put4000 + call4000, within(tol));
    assertThat(a.exposures().byStrike().putGex().get(0)).isCloseTo(put3900, within(tol));
    assertThat(a.exposures().byExpiry()).singleElement().satisfies(e -> {
      assertThat(e.expiry()).isEqualTo(TestChains.EXPIRY);
      assertThat(e.daysToExpiry()).isEqualTo(27);
      assertThat(e.openInterest()).isEqualTo(3500);
      assertThat(e.netGex()).isCloseTo(a.totalGex(), within(tol));
    });
    // Walls: 4000 call (ATM) against 4100 call, 3900 put against the ATM 4000 put.
    assertThat(a.callWall()).hasValue(call4000 > call4100 ? 4000 : 4100);
    assertThat(a.putWall()).hasValue(Math.abs(put3900) > Math.abs(put4000) ? 3900 : 4000);
    double abs4000 = Math.abs(call4000) + Math.abs(put4000);
    assertThat(a.exposures().absGammaStrike())
        .hasValue(abs4000 > Math.abs(put3900) && abs4000 > Math.abs(call4100) ? 4000 : 3900);
    assertThat(a.regime()).isEqualTo(GammaRegime.of(call4000 + call4100 + put3900 + put4000));
    assertThat(a.coverage().contractsUsed()).isEqualTo(4);
    assertThat(a.contractsSkipped()).isZero();
    assertThat(a.settings()).isEqualTo(ENGINE.settings());
  }

  @Test
  void analyze_fourContracts_handCheckedValues() {
    // Independent arithmetic for the 4000 call: d1 = (0.18² / 2 × 27/365) / (0.18 √(27/365)),
    // gamma = φ(d1) / (4000 × 0.18 √(27/365)).
    double sd = 0.18 * Math.sqrt(27 / 365.0);
    double d1 = 0.5 * sd;
    double gamma = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) / (4000 * sd);
    double expected = gamma * 800 * 100 * 4000 * 4000 * 0.01;
    // sd = 0.048956, d1 = 0.024478, φ(d1) = 0.398823, gamma = 0.0020366: about $26.07M per 1% move
    assertThat(expected).isCloseTo(2.6069e7, within(0.0001e7));
    GexAnalysis a = ENGINE.analyze(TestChains.fourContracts());
    assertThat(a.exposures().byStrike().callGex().get(1)).isCloseTo(expected, within(1e-6 * expected));
  }

  @Test
  void analyze_oppositeConvention_flipsEverySign() {
    GexAnalysis usual = ENGINE.analyze(TestChains.fourContracts());
    GexAnalysis flipped =
        GexEngine.builder()
            .signConvention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS)
            .ivSource(IvSource.VENDOR)
            .build()
            .analyze(TestChains.fourContracts());
    assertThat(flipped.totalGex()).isCloseTo(-usual.totalGex(), within(1e-6));
    assertThat(flipped.exposures().callGex()).isCloseTo(-usual.exposures().callGex(), within(1e-6));
    assertThat(flipped.settings().signConvention())
        .isEqualTo(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS);
    assertThat(flipped.regime()).isNotEqualTo(usual.regime());
  }

  @Test
  void analyze_zeroGamma_isARealZeroOfTheProfileAndNearestToSpot() {
    GexAnalysis a = ENGINE.analyze(TestChains.fourContracts());
    assertThat(a.zeroGamma()).isPresent();
    double z = a.zeroGamma().getAsDouble();
    double gross = Math.abs(a.exposures().callGex()) + Math.abs(a.exposures().putGex());
    assertThat(exactTotalGex(TestChains.fourContracts(), z)).isCloseTo(0, within(1e-9 * gross));
    for (double c : a.zeroGammaCrossings().toArray()) {
      assertThat(Math.abs(c - a.spot())).isGreaterThanOrEqualTo(Math.abs(z - a.spot()));
    }
    assertThat(a.flipDistancePoints()).hasValueCloseTo(z - 4000, within(1e-9));
    assertThat(a.flipDistancePercent()).hasValueCloseTo((z - 4000) / 40, within(1e-9));
  }

  /** Total GEX at a hypothetical spot, straight from the Black-Scholes gamma of each contract. */
  static double exactTotalGex(OptionChain chain, double spot) {
    double sum = 0;
    for (OptionContract c : chain.contracts()) {
      double tau =
          java.time.Duration.between(
                      chain.valuationTime(),
                      c.expiry().atTime(16, 0).atZone(java.time.ZoneId.of("America/New_York")).toInstant())
                  .toSeconds()
              / (365 * 86400.0);
      sum +=
          (c.isCall() ? 1 : -1)
              * BlackScholes.gamma(spot, c.strike(), tau, c.impliedVolatility(), 0, 0)
              * c.openInterest()
              * 100
              * spot
              * spot
              * 0.01;
    }
    return sum;
  }

  @Test
  void profile_gridValues_matchDirectBlackScholesWithin1e9() {
    OptionChain chain = TestChains.random(11, 400);
    GexAnalysis a = ENGINE.analyze(chain);
    GammaProfile p = a.gammaProfile();
    assertThat(p.spots().size()).isEqualTo(201);
    assertThat(p.spots().get(0)).isCloseTo(2000, within(1e-9));
    assertThat(p.spots().get(200)).isCloseTo(6000, within(1e-9));
    double gross = 0;
    for (int j = 0; j < p.spots().size(); j += 10) {
      gross = Math.max(gross, Math.abs(p.totalGex().get(j)));
    }
    for (int j = 0; j < p.spots().size(); j += 7) {
      double s = p.spots().get(j);
      assertThat(p.totalGex().get(j)).isCloseTo(exactTotalGex(chain, s), within(1e-9 * gross));
    }
  }

  @Test
  void analyze_settledAndFlooredContracts_areHandledByStyle() {
    LocalDate today = LocalDate.of(2024, 3, 15); // third Friday
    Instant noonNy = Instant.parse("2024-03-15T16:00:00Z"); // 12:00 EDT
    OptionChain chain =
        OptionChain.of(
            "SPX",
            5100,
            noonNy,
            List.of(
                OptionContract.of("SPX", today, OptionRight.CALL, 5100, 100, 0.15),
                OptionContract.of("SPXW", today, OptionRight.CALL, 5100, 100, 0.15),
                OptionContract.of("SPXW", today.minusDays(1), OptionRight.PUT, 5000, 100, 0.15)));
    GexAnalysis a = ENGINE.analyze(chain);
    assertThat(a.coverage().contractsUsed()).isEqualTo(1);
    assertThat(a.skippedByReason()).containsEntry(Reason.SETTLED, 2);
    assertThat(a.coverage().diagnostics())
        .extracting(d -> d.location())
        .containsExactlyInAnyOrder("SPX240315C05100000", "SPXW240314P05000000");
    // The PM contract has 4 hours left; at 15:55 it has 5 minutes, floored to 15.
    Instant late = Instant.parse("2024-03-15T19:55:00Z");
    GexAnalysis b = ENGINE.analyze(chain.withContracts(chain.contracts().subList(1, 2)));
    GexAnalysis c =
        ENGINE.analyze(
            OptionChain.of("SPX", 5100, late, chain.contracts().subList(1, 2)));
    double tauFloor = 15 / (365 * 24 * 60.0);
    assertThat(c.totalGex())
        .isCloseTo(
            BlackScholes.gamma(5100, 5100, tauFloor, 0.15, 0, 0) * 100 * 100 * 5100 * 5100 * 0.01,
            within(1e-3));
    assertThat(c.totalGex()).isGreaterThan(b.totalGex());
  }

  @Test
  void analyze_noUsableContract_throwsWithCounts() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            List.of(
                OptionContract.of("SPXW", TestChains.EXPIRY, OptionRight.CALL, 4000, 10, 0),
                OptionContract.of("SPXW", LocalDate.of(2024, 2, 1), OptionRight.CALL, 4000, 10, 0.2)));
    assertThatThrownBy(() -> ENGINE.analyze(chain))
        .isInstanceOf(NoUsableContractsException.class)
        .hasMessage(
            "no usable contract in the SPX chain: 2 contracts, skipped (SETTLED 1,"
                + " NO_IMPLIED_VOLATILITY 1)");
  }

  @Test
  void noUsableContract_countsRowsLeftOutApartFromTheChainsContracts() {
    assertThat(noUsable("SPX", 48, Map.of(Reason.SETTLED, 48, Reason.MALFORMED, 1)))
        .isEqualTo(
            "no usable contract in the SPX chain: 48 contracts, skipped (SETTLED 48); 1 row left out when"
                + " read (MALFORMED 1)");
    assertThat(noUsable("RUT", 0, Map.of(Reason.DUPLICATE, 1, Reason.MALFORMED, 2)))
        .isEqualTo(
            "no usable contract in the RUT chain: 0 contracts; 3 rows left out when read (MALFORMED 2,"
                + " DUPLICATE 1)");
  }

  private static String noUsable(String underlying, int contracts, Map<Reason, Integer> counts) {
    var e = new NoUsableContractsException(underlying, contracts, counts, List.of());
    return String.valueOf(e.getMessage());
  }

  @Test
  void analyze_missingVolatility_isSkippedOrSolvedFromMid() {
    double price = BlackScholes.price(true, 4000, 4050, TAU, 0.17, 0, 0);
    OptionContract noVol =
        OptionContract.builder(
                new io.gex.chain.OccSymbol("SPXW", TestChains.EXPIRY, OptionRight.CALL, 4050))
            .openInterest(300)
            .bid(price - 0.05)
            .ask(price + 0.05)
            .build();
    List<OptionContract> contracts = new ArrayList<>(TestChains.fourContracts().contracts());
    contracts.add(noVol);
    OptionChain chain = TestChains.fourContracts().withContracts(contracts);
    GexAnalysis skipped = ENGINE.analyze(chain);
    assertThat(skipped.coverage().contractsUsed()).isEqualTo(4);
    assertThat(skipped.coverage().diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo(Reason.NO_IMPLIED_VOLATILITY);
      assertThat(d.field()).isEqualTo("impliedVolatility");
      assertThat(d.value()).isEqualTo("0.0");
    });
    // mid and otm solve it from its mid (otm as the last rule: it has no quoted IV and no put listed).
    for (IvSource source : new IvSource[] {IvSource.MID, IvSource.OTM}) {
      GexEngine engine = GexEngine.builder().ivSource(source).build();
      GexAnalysis solved = engine.analyze(chain);
      GexAnalysis without = engine.analyze(TestChains.fourContracts());
      assertThat(solved.coverage().contractsUsed()).isEqualTo(5);
      double expected = gex(1, 4050, 300, 0.17);
      assertThat(solved.totalGex() - without.totalGex()).isCloseTo(expected, within(1e-6 * expected));
    }
  }

  @Test
  void expirySelection_slicesAsTradersDo() {
    Instant morning = Instant.parse("2024-03-01T15:00:00Z"); // 10:00 EST, Friday 2024-03-01
    LocalDate today = LocalDate.of(2024, 3, 1);
    LocalDate monthly = LocalDate.of(2024, 3, 15);
    LocalDate later = LocalDate.of(2024, 4, 19);
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            morning,
            List.of(
                OptionContract.of("SPXW", today, OptionRight.CALL, 4000, 10, 0.2),
                OptionContract.of("SPXW", LocalDate.of(2024, 3, 8), OptionRight.CALL, 4000, 10, 0.2),
                OptionContract.of("SPX", monthly, OptionRight.PUT, 4000, 10, 0.2),
                OptionContract.of("SPX", later, OptionRight.PUT, 4000, 10, 0.2)));
    assertThat(usedExpiries(chain, ExpirySelection.all())).containsExactly(today, LocalDate.of(2024, 3, 8), monthly, later);
    assertThat(usedExpiries(chain, ExpirySelection.zeroDteOnly())).containsExactly(today);
    assertThat(usedExpiries(chain, ExpirySelection.excludeZeroDte()))
        .containsExactly(LocalDate.of(2024, 3, 8), monthly, later);
    assertThat(usedExpiries(chain, ExpirySelection.throughNextMonthly()))
        .containsExactly(today, LocalDate.of(2024, 3, 8), monthly);
    assertThat(usedExpiries(chain, ExpirySelection.daysToExpiry(7, 14)))
        .containsExactly(LocalDate.of(2024, 3, 8), monthly);
    GexAnalysis a = ENGINE.analyze(chain);
    assertThat(a.profile(GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY).excludedExpiry()).hasValue(today);
    assertThat(a.profile(GammaProfile.Scope.EXCLUDING_NEXT_MONTHLY).excludedExpiry()).hasValue(monthly);
    GexAnalysis zeroDte =
        GexEngine.builder().expirySelection(ExpirySelection.zeroDteOnly()).build().analyze(chain);
    assertThat(zeroDte.skippedByReason()).containsEntry(Reason.EXCLUDED_BY_EXPIRY_SELECTION, 3);
  }

  private static List<LocalDate> usedExpiries(OptionChain chain, ExpirySelection selection) {
    return GexEngine.builder().expirySelection(selection).build().analyze(chain).exposures().byExpiry().stream()
        .map(e -> e.expiry())
        .toList();
  }

  @Test
  void listeners_seeTimingsAndAThrowingListenerIsHarmless() {
    AtomicLong ticks = new AtomicLong();
    List<AnalysisTimings> seen = new ArrayList<>();
    GexEngine engine =
        GexEngine.builder()
            .ticker(() -> ticks.addAndGet(1000))
            .clock(Clock.fixed(Instant.parse("2024-03-01T20:00:05Z"), ZoneOffset.UTC))
            .listener(t -> { throw new IllegalStateException("boom"); })
            .listener(seen::add)
            .build();
    GexAnalysis a = engine.analyze(TestChains.fourContracts());
    assertThat(a.provenance().analyzedAt()).isEqualTo(Instant.parse("2024-03-01T20:00:05Z"));
    assertThat(seen).singleElement().satisfies(t -> {
      assertThat(t.contracts()).isEqualTo(4);
      assertThat(t.resolveNanos()).isEqualTo(1000);
      assertThat(t.totalNanos()).isEqualTo(4000);
    });
  }

  @Test
  void executor_givesTheSameAnalysisToTheBit() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2024-03-01T20:00:05Z"), ZoneOffset.UTC);
    OptionChain chain = TestChains.random(7, 3000);
    GexAnalysis alone = GexEngine.builder().clock(clock).build().analyze(chain);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      GexEngine engine = GexEngine.builder().clock(clock).executor(pool).build();
      assertThat(engine.executor()).contains(pool);
      for (int i = 0; i < 5; i++) {
        assertThat(engine.analyze(chain)).isEqualTo(alone);
      }
      // A pool that never starts the profiles: the calling thread computes them; a pool that refuses them,
      // likewise; the task it holds afterwards does nothing when run.
      List<Runnable> held = new ArrayList<>();
      assertThat(GexEngine.builder().clock(clock).executor(held::add).build().analyze(chain))
          .isEqualTo(alone);
      assertThat(held).hasSize(1);
      held.get(0).run();
      Executor refusing =
          r -> {
            throw new RejectedExecutionException("full");
          };
      assertThat(GexEngine.builder().clock(clock).executor(refusing).build().analyze(chain)).isEqualTo(alone);
      assertThat(GexEngine.builder().build().executor()).isEmpty();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @Timeout(60)
  void executor_interruptedCallerStillGetsTheAnalysisAndKeepsTheInterrupt() throws Exception {
    OptionChain chain = TestChains.random(11, 500);
    Clock clock = Clock.fixed(Instant.parse("2024-03-01T20:00:05Z"), ZoneOffset.UTC);
    GexAnalysis alone = GexEngine.builder().clock(clock).build().analyze(chain);
    // The executor's thread takes the profiles before execute() returns, and holds them (in the ticker)
    // until released; meanwhile the caller, done with the rest, waits for them and is interrupted.
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    LongSupplier ticker =
        () -> {
          if (Thread.currentThread() != main && started.getCount() > 0) {
            started.countDown();
            awaitQuietly(release);
          }
          return 0L;
        };
    Executor thread =
        r -> {
          new Thread(r, "profiles").start();
          awaitQuietly(started);
        };
    GexEngine engine = GexEngine.builder().clock(clock).ticker(ticker).executor(thread).build();
    Thread interrupter =
        new Thread(
            () -> {
              awaitQuietly(started);
              main.interrupt();
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              release.countDown();
            });
    interrupter.start();
    try {
      assertThat(engine.analyze(chain)).isEqualTo(alone);
      assertThat(release.getCount()).isZero(); // it did wait for the executor's thread
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      release.countDown();
      interrupter.join(10_000);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void executor_timingsAreEachPhasesOwn() {
    AtomicLong ticks = new AtomicLong();
    List<AnalysisTimings> seen = new ArrayList<>();
    GexEngine.builder()
        .ticker(() -> ticks.addAndGet(1000))
        .executor(Runnable::run)
        .listener(seen::add)
        .build()
        .analyze(TestChains.fourContracts());
    // Readings: start, after resolve, profiles' start and end (run at once by Runnable::run, inside the
    // hand-off), after the other stages, the end.
    assertThat(seen).singleElement().satisfies(t -> {
      assertThat(t.resolveNanos()).isEqualTo(1000);
      assertThat(t.profileNanos()).isEqualTo(1000);
      assertThat(t.exposureNanos()).isEqualTo(3000);
      assertThat(t.totalNanos()).isEqualTo(5000);
    });
  }

  @Test
  void builder_badSettings_namesSettingAndValue() {
    assertThatThrownBy(() -> GexEngine.builder().multiplier(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiplier must be in (0, 1000000.0], was 0.0");
    assertThatThrownBy(() -> GexEngine.builder().profileRange(0.9, 0.95).build())
        .hasMessageContaining("profileHigh must be in (1, 10], was 0.95");
    assertThatThrownBy(() -> GexEngine.builder().rate(Double.NaN).build())
        .hasMessageContaining("rate must be finite, was NaN");
    assertThatThrownBy(() -> GexEngine.builder().profilePoints(2).build())
        .hasMessageContaining("profilePoints must be in [3, 100000], was 2");
  }

  @Test
  void analyze_zeroOpenInterestEverywhere_isNeutralWithNoLevels() {
    List<OptionContract> none = new ArrayList<>();
    for (OptionContract c : TestChains.fourContracts().contracts()) {
      none.add(c.withOpenInterest(0));
    }
    GexAnalysis a = ENGINE.analyze(TestChains.fourContracts().withContracts(none));
    assertThat(a.totalGex()).isZero();
    assertThat(a.regime()).isEqualTo(GammaRegime.NEUTRAL);
    assertThat(a.zeroGamma()).isEmpty();
    assertThat(a.zeroGammaCrossings().size()).isZero();
    assertThat(a.callWall()).isEmpty();
    assertThat(a.putWall()).isEmpty();
    assertThat(a.exposures().absGammaStrike()).isEmpty();
    assertThat(a.exposures().strikeZeroGamma()).isEmpty();
    assertThat(a.dealer().zeroDelta()).isEmpty();
    assertThat(a.coverage().contractsUsed()).isEqualTo(4); // priced, weighing nothing
  }

  @Test
  void analyze_oneCall_isPositiveEverywhereWithCallWallAtItsStrike() {
    OptionChain one =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            List.of(OptionContract.of("SPXW", TestChains.EXPIRY, OptionRight.CALL, 4050, 10, 0.2)));
    GexAnalysis a = ENGINE.analyze(one);
    assertThat(a.totalGex()).isPositive().isCloseTo(gex(1, 4050, 10, 0.2), within(1e-6));
    assertThat(a.regime()).isEqualTo(GammaRegime.POSITIVE);
    assertThat(a.zeroGamma()).isEmpty(); // a lone long call never crosses zero
    assertThat(a.callWall()).hasValue(4050);
    assertThat(a.putWall()).isEmpty();
    assertThat(a.gammaProfile().totalGex().stream()).allMatch(v -> v >= 0);
    assertThat(a.pinRisk().expiries()).singleElement().satisfies(e -> assertThat(e.maxPain()).isEqualTo(4050));
  }
  @Test
  void analysisGroups_rejectNaNOrInfinityNamingTheFigure() {
    GexAnalysis a = GexEngine.builder().build().analyze(TestChains.random(5, 200));
    GexExposures x = a.exposures();
    assertThatThrownBy(
            () ->
                new GexExposures(
                    Double.NaN, x.putGex(), x.byStrike(), x.byExpiry(), x.heatmap(), x.callWall(),
                    x.putWall(), x.absGammaStrike(), x.strikeZeroGamma()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callGex must be finite, was NaN");
    // Two finite halves whose sum overflows: the derived total would be infinite.
    assertThatThrownBy(
            () ->
                new GexExposures(
                    Double.MAX_VALUE, Double.MAX_VALUE, x.byStrike(), x.byExpiry(), x.heatmap(),
                    x.callWall(), x.putWall(), x.absGammaStrike(), x.strikeZeroGamma()))
        .hasMessage("totalGex must be finite, was Infinity");
    double[] calls = x.byStrike().callGex().toArray();
    calls[3] = Double.NaN;
    GexByStrike badStrikes =
        new GexByStrike(
            x.byStrike().strikes(), DoubleArray.copyOf(calls), x.byStrike().putGex(), x.byStrike().netGex());
    assertThatThrownBy(
            () ->
                new GexExposures(
                    x.callGex(), x.putGex(), badStrikes, x.byExpiry(), x.heatmap(), x.callWall(),
                    x.putWall(), x.absGammaStrike(), x.strikeZeroGamma()))
        .hasMessage("byStrike.callGex[3] must be finite, was NaN");
    GammaProfile p = a.gammaProfile();
    GammaProfile infinite =
        new GammaProfile(
            p.scope(), p.excludedExpiry(), p.spots(), p.totalGex(), p.crossings(),
            java.util.OptionalDouble.of(Double.POSITIVE_INFINITY));
    assertThatThrownBy(() -> new GexAnalysis.Profiles(List.of(infinite)))
        .hasMessage("profiles[0].zeroGamma must be finite, was Infinity");
    assertThatThrownBy(() -> new GexAnalysis.Profiles(List.of()))
        .hasMessage("profiles must hold at least the all-expiries profile");
    List<GammaProfile> exNextFirst = new java.util.ArrayList<>(a.profiles().all());
    java.util.Collections.reverse(exNextFirst);
    assertThatThrownBy(() -> new GexAnalysis.Profiles(exNextFirst))
        .hasMessage("the first profile must be the all-expiries profile, was EXCLUDING_NEXT_MONTHLY");
    GexAnalysis.Provenance q = a.provenance();
    assertThatThrownBy(
            () ->
                new GexAnalysis.Provenance(
                    q.symbol(), Double.NEGATIVE_INFINITY, q.valuationTime(), q.analyzedAt(),
                    q.settings(), q.positions()))
        .hasMessage("spot must be finite, was -Infinity");
    assertThatThrownBy(
            () -> new GexAnalysis.Coverage(-1, List.of(), a.coverage().dataQuality()))
        .hasMessage("contractsUsed must be >= 0, was -1");
  }

  @Test
  void analysis_derivesTotalRegimeZeroGammaAndSkippedCountFromTheirSources() {
    GexEngine engine = GexEngine.builder().build();
    for (int seed = 1; seed <= 10; seed++) {
      GexAnalysis a = engine.analyze(TestChains.random(seed, 150));
      assertThat(a.totalGex()).isEqualTo(a.exposures().callGex() + a.exposures().putGex());
      assertThat(a.totalGex()).isEqualTo(a.exposures().totalGex());
      assertThat(a.regime()).isEqualTo(GammaRegime.of(a.totalGex()));
      assertThat(a.zeroGamma()).isEqualTo(a.profiles().all().get(0).zeroGamma());
      assertThat(a.profiles().gamma().scope()).isEqualTo(GammaProfile.Scope.ALL_EXPIRIES);
      assertThat(a.zeroGammaCrossings()).isEqualTo(a.gammaProfile().crossings());
      assertThat(a.contractsSkipped()).isEqualTo(a.coverage().diagnostics().size());
      assertThat(a.skippedByReason().values().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(a.contractsSkipped());
      assertThat(a.callWall()).isEqualTo(a.exposures().callWall());
      assertThat(a.putWall()).isEqualTo(a.exposures().putWall());
      assertThat(a.symbol()).isEqualTo(a.provenance().symbol());
      assertThat(a.spot()).isEqualTo(a.provenance().spot());
    }
  }
}
