package io.gex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.analysis.DoubleArray;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.ExpirySelection;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: for any chain that construction accepts, with values at the edges of their documented ranges
 * (volatility 1e-4 and 100, spot and strikes at 1e-6 and 1e9, open interest at its maximum, valuation times
 * in 1900 and 2300, 0DTE minutes before settlement, placeholder volatilities such as 9.99), {@code analyze}
 * returns an analysis whose every figure is finite (the whole record is walked), or throws {@link
 * NoUsableContractsException}; nothing else.
 */
class ExtremeValuesPropertyTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void analyze_extremeButAcceptedChains_givesOnlyFiniteFiguresOrNoUsableContracts() {
    int[] outcomes = new int[2];
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(0, ENGINES.size() - 1))
        .checkAssert(
            (seed, engine) -> {
              OptionChain chain = extremeChain(new SplittableRandom(seed));
              try {
                GexAnalysis a = ENGINES.get(engine).analyze(chain);
                assertAllFinite(a, "analysis");
                outcomes[0]++;
              } catch (NoUsableContractsException e) {
                outcomes[1]++;
              }
            });
    // Both outcomes are exercised, most chains are analysed.
    assertThat(outcomes[0]).isGreaterThan(outcomes[1]);
    assertThat(outcomes[1]).isPositive();
  }

  @Test
  void analyze_everyValueAtItsBound_givesOnlyFiniteFigures() {
    // The corner the old code failed on, at the new bounds: largest spot, open interest and volatility,
    // smallest volatility, both extreme strikes, the latest valuation time and expiries.
    Instant now = OptionChain.LATEST_VALUATION_TIME;
    LocalDate today = now.atZone(NEW_YORK).toLocalDate();
    List<OptionContract> contracts = new ArrayList<>();
    double[] strikes = {OptionContract.MIN_PRICE, 1, OptionContract.MAX_PRICE};
    double[] vols = {OptionContract.MIN_IMPLIED_VOLATILITY, OptionContract.MAX_IMPLIED_VOLATILITY};
    int v = 0;
    for (LocalDate expiry : List.of(today, today.plusDays(1), OptionContract.LATEST_EXPIRY)) {
      for (double strike : strikes) {
        for (OptionRight right : OptionRight.values()) {
          contracts.add(
              OptionContract.of(
                  "SPXW", expiry, right, strike, OptionContract.MAX_OPEN_INTEREST, vols[v++ % 2]));
        }
      }
    }
    for (double spot : new double[] {OptionContract.MIN_PRICE, OptionContract.MAX_PRICE}) {
      OptionChain chain = OptionChain.of("SPX", spot, now, contracts);
      for (GexEngine each : ENGINES) {
        // vendor: the extreme volatilities reach the formulas (otm and mid count them as missing).
        GexEngine engine = GexEngine.builder().settings(each.settings()).ivSource(IvSource.VENDOR).build();
        assertThatCode(() -> assertAllFinite(engine.analyze(chain), "analysis"))
            .as("spot %s, %s", spot, engine)
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void analyze_zeroDteOneMinuteBeforeSettlement_isFloored() {
    LocalDate day = LocalDate.of(2024, 3, 1);
    Instant now = day.atTime(15, 59).atZone(NEW_YORK).toInstant();
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            now,
            List.of(
                OptionContract.of("SPXW", day, OptionRight.CALL, 4000, 1000, 0.0001),
                OptionContract.of("SPXW", day, OptionRight.PUT, 4000, 1000, 100)));
    GexAnalysis a = GexEngine.builder().ivSource(IvSource.VENDOR).build().analyze(chain);
    assertAllFinite(a, "analysis");
    assertThat(a.coverage().contractsUsed()).isEqualTo(2);
    assertThat(a.totalGex()).isPositive(); // the call's spike at the money dominates the put's flat gamma
  }

  @Test
  void build_settingsThatWouldOverflowTheAnalysis_areRejectedUpFront() {
    // A multiplier of 1e300 made gross GEX NaN and the dealer analysis throw from deep inside.
    assertThatThrownBy(() -> GexEngine.builder().multiplier(1e300).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiplier must be in (0, 1000000.0], was 1.0E300");
    assertThatThrownBy(() -> GexEngine.builder().minTimeToExpiry(Duration.ofDays(365_000)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minTimeToExpiry must be > 0 and at most PT720H, was PT8760000H");
    assertThatThrownBy(() -> GexEngine.builder().profileRange(Double.MIN_VALUE, 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("profileLow must be in [1.0E-6, 1), was 4.9E-324");
    assertThat(GexEngine.builder().multiplier(1e6).build().settings().multiplier()).isEqualTo(1e6);
  }

  /** Engines with settings at their edges as well. */
  private static final List<GexEngine> ENGINES =
      List.of(
          GexEngine.builder().build(),
          GexEngine.builder()
              .rate(1)
              .dividendYield(-1)
              .multiplier(1e6)
              .expiryZeroGamma(true)
              .dealerProfiles(true)
              .build(),
          GexEngine.builder().rate(-1).dividendYield(1).signConvention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS).build(),
          GexEngine.builder().minTimeToExpiry(Duration.ofNanos(1)).ivSource(IvSource.MID).build(),
          GexEngine.builder()
              .minTimeToExpiry(Duration.ofDays(30))
              .profileRange(1e-6, 10)
              .expirySelection(ExpirySelection.throughNextMonthly())
              .expiryZeroGamma(true)
              .dealerProfiles(true)
              .build());

  /** A chain whose every value is drawn from the edges of its accepted range or from plausible ones. */
  static OptionChain extremeChain(SplittableRandom r) {
    double spot =
        pick(
            r,
            OptionContract.MIN_PRICE,
            OptionContract.MAX_PRICE,
            4000,
            Math.exp(r.nextDouble(Math.log(OptionContract.MIN_PRICE), Math.log(OptionContract.MAX_PRICE))));
    Instant now;
    switch (r.nextInt(5)) {
      case 0:
        now = OptionChain.EARLIEST_VALUATION_TIME;
        break;
      case 1:
        now = OptionChain.LATEST_VALUATION_TIME;
        break;
      case 2:
        // Minutes before a PM settlement.
        now =
            LocalDate.of(2024, 3, 1)
                .atTime(LocalTime.of(16, 0).minusMinutes(r.nextInt(1, 30)))
                .atZone(NEW_YORK)
                .toInstant();
        break;
      default:
        now =
            Instant.ofEpochSecond(
                r.nextLong(
                    OptionChain.EARLIEST_VALUATION_TIME.getEpochSecond(),
                    OptionChain.LATEST_VALUATION_TIME.getEpochSecond()));
        break;
    }
    LocalDate today = now.atZone(NEW_YORK).toLocalDate();
    OptionChain.Builder chain = OptionChain.builder("SPX", spot, now);
    int n = 1 + r.nextInt(40);
    for (int i = 0; i < n; i++) {
      LocalDate expiry;
      switch (r.nextInt(6)) {
        case 0:
          expiry = today;
          break;
        case 1:
          expiry = OptionContract.LATEST_EXPIRY;
          break;
        case 2:
          expiry = OptionContract.EARLIEST_EXPIRY;
          break;
        default:
          expiry = today.plusDays(r.nextInt(-3, 3000));
          break;
      }
      if (expiry.isAfter(OptionContract.LATEST_EXPIRY)) {
        expiry = OptionContract.LATEST_EXPIRY;
      }
      if (expiry.isBefore(OptionContract.EARLIEST_EXPIRY)) {
        expiry = OptionContract.EARLIEST_EXPIRY;
      }
      double strike =
          clampPrice(
              pick(
                  r,
                  OptionContract.MIN_PRICE,
                  OptionContract.MAX_PRICE,
                  spot,
                  spot * (1 + 1e-12),
                  spot * Math.exp(r.nextGaussian() * 3)));
      long oi = r.nextInt(4) == 0 ? OptionContract.MAX_OPEN_INTEREST : r.nextLong(0, 100_000);
      double vol =
          pick(
              r,
              0,
              OptionContract.MIN_IMPLIED_VOLATILITY,
              OptionContract.MAX_IMPLIED_VOLATILITY,
              9.99,
              99.99,
              Math.exp(
                  r.nextDouble(
                      Math.log(OptionContract.MIN_IMPLIED_VOLATILITY),
                      Math.log(OptionContract.MAX_IMPLIED_VOLATILITY))));
      OptionContract.Builder b =
          OptionContract.builder(
                  new OccSymbol(
                      r.nextBoolean() ? "SPXW" : "SPX",
                      expiry,
                      r.nextBoolean() ? OptionRight.CALL : OptionRight.PUT,
                      strike))
              .openInterest(oi)
              .impliedVolatility(vol);
      if (r.nextBoolean()) {
        double bid = pick(r, 0, 1e-300, spot, OptionContract.MAX_PRICE, r.nextDouble() * spot);
        b.bid(bid).ask(bid * pick(r, 1, 1.01, 1e6));
      }
      chain.add(b.build());
    }
    return chain.build();
  }

  private static double clampPrice(double price) {
    return Math.max(OptionContract.MIN_PRICE, Math.min(OptionContract.MAX_PRICE, price));
  }

  private static double pick(SplittableRandom r, double... values) {
    return values[r.nextInt(values.length)];
  }

  /**
   * Walks a value (records, lists, maps, optionals, {@link DoubleArray}) and fails, naming the path, at the
   * first double that is NaN or infinite.
   */
  static void assertAllFinite(Object value, String path) {
    if (value instanceof Double) {
      assertThat((Double) value).as(path).isFinite();
    } else if (value instanceof DoubleArray) {
      double[] values = ((DoubleArray) value).toArray();
      for (int i = 0; i < values.length; i++) {
        assertThat(values[i]).as(path + "[" + i + "]").isFinite();
      }
    } else if (value instanceof OptionalDouble) {
      OptionalDouble o = (OptionalDouble) value;
      if (o.isPresent()) {
        assertThat(o.getAsDouble()).as(path).isFinite();
      }
    } else if (value instanceof Optional) {
      ((Optional<?>) value).ifPresent(v -> assertAllFinite(v, path));
    } else if (value instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) value) {
        assertAllFinite(element, path + "[" + i++ + "]");
      }
    } else if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        assertAllFinite(e.getValue(), path + "[" + e.getKey() + "]");
      }
    } else if (value instanceof Record) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        Object component;
        try {
          component = c.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new AssertionError("cannot read " + path + "." + c.getName(), e);
        }
        if (component != null) {
          assertAllFinite(component, path + "." + c.getName());
        }
      }
    }
  }
}
