package io.gex.alerts;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DealerPosition;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GexExposures;
import io.gex.analysis.GexHeatmap;
import io.gex.analysis.GreekExposures;
import io.gex.analysis.PinRiskAnalysis;
import io.gex.positions.PositionProvenance;
import io.gex.settings.GexSettings;
import io.gex.settings.SignConvention;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link GexAnalysis} values with chosen figures (spot, zero gamma, walls, total GEX, pin scores, dealer
 * position, exposure by strike) for rule and engine tests. Unset figures are neutral: no zero gamma, no
 * walls, total GEX 0, no pin risk. Mutable; one per test.
 */
public final class AnalysisFixture {

  public static final Instant T0 = Instant.parse("2022-12-12T15:00:00Z");

  private String symbol = "SPX";
  private double spot;
  private Instant valuationTime = T0;
  private double totalGex;
  private OptionalDouble zeroGamma = OptionalDouble.empty();
  private OptionalDouble callWall = OptionalDouble.empty();
  private OptionalDouble putWall = OptionalDouble.empty();
  private double[] strikes = new double[0];
  private double[] callGex = new double[0];
  private double[] putGex = new double[0];
  private final List<ExpiryPinRisk> pins = new ArrayList<>();
  private @Nullable DealerPosition position;
  private @Nullable Double hedgeFlow;
  private SignConvention convention = SignConvention.DEALER_LONG_CALLS_SHORT_PUTS;

  private AnalysisFixture(double spot) {
    this.spot = spot;
  }

  /** An SPX analysis at spot, valued at {@link #T0}. */
  public static AnalysisFixture spot(double spot) {
    return new AnalysisFixture(spot);
  }

  public AnalysisFixture symbol(String value) {
    symbol = value;
    return this;
  }

  public AnalysisFixture at(Instant value) {
    valuationTime = value;
    return this;
  }

  /**
   * Total GEX; the regime follows its sign, and the dealer position too unless set. The call and put
   * totals are chosen to add up to it exactly (the put total is that of the by-strike column when there
   * is one).
   */
  public AnalysisFixture totalGex(double value) {
    totalGex = value;
    return this;
  }

  public AnalysisFixture zeroGamma(double value) {
    zeroGamma = OptionalDouble.of(value);
    return this;
  }

  public AnalysisFixture callWall(double value) {
    callWall = OptionalDouble.of(value);
    return this;
  }

  public AnalysisFixture putWall(double value) {
    putWall = OptionalDouble.of(value);
    return this;
  }

  /** Exposure by strike (call and put columns, dollars per 1% move). */
  public AnalysisFixture byStrike(double[] strikeValues, double[] calls, double[] puts) {
    strikes = strikeValues.clone();
    callGex = calls.clone();
    putGex = puts.clone();
    return this;
  }

  /** Adds an expiry with a pin-risk score, pinned at the strike nearest spot (rounded to 5). */
  public AnalysisFixture pin(LocalDate expiry, long daysToExpiry, double score) {
    double pinStrike = Math.round(spot / 5) * 5.0;
    pins.add(
        new ExpiryPinRisk(
            expiry,
            daysToExpiry,
            pinStrike,
            1e6,
            pinStrike,
            score,
            0.3,
            0.5,
            0.9,
            0.8,
            25.0,
            0.2,
            Math.max((double) daysToExpiry, 0.1) / 365,
            List.of()));
    return this;
  }

  /**
   * The dealer position and hedge flow per 1% move (positive: dealers sell into a rise); by default they
   * follow total GEX.
   */
  public AnalysisFixture dealer(DealerPosition value, double hedgeFlowPerPercent) {
    position = value;
    hedgeFlow = hedgeFlowPerPercent;
    return this;
  }

  public AnalysisFixture convention(SignConvention value) {
    convention = value;
    return this;
  }

  public GexAnalysis build() {
    GexSettings settings =
        new GexSettings(
            0,
            0,
            100,
            convention,
            365,
            GexSettings.DEFAULT.settlementZone(),
            GexSettings.DEFAULT.amSettlementTime(),
            GexSettings.DEFAULT.pmSettlementTime(),
            GexSettings.DEFAULT.minTimeToExpiry(),
            GexSettings.DEFAULT.expirySelection(),
            0.5,
            1.5,
            201,
            GexSettings.DEFAULT.ivSource());
    double[] net = new double[strikes.length];
    double puts = 0;
    for (int i = 0; i < strikes.length; i++) {
      net[i] = callGex[i] + putGex[i];
      puts += putGex[i];
    }
    GexByStrike byStrike =
        new GexByStrike(
            DoubleArray.copyOf(strikes),
            DoubleArray.copyOf(callGex),
            DoubleArray.copyOf(putGex),
            DoubleArray.copyOf(net));
    GammaProfile profile =
        new GammaProfile(
            GammaProfile.Scope.ALL_EXPIRIES,
            Optional.empty(),
            DoubleArray.of(spot * 0.5, spot, spot * 1.5),
            DoubleArray.of(0, totalGex, 0),
            zeroGamma.isPresent() ? DoubleArray.of(zeroGamma.getAsDouble()) : DoubleArray.empty(),
            zeroGamma);
    DealerPosition pos =
        position != null
            ? position
            : totalGex > 0
                ? DealerPosition.LONG_GAMMA
                : totalGex < 0 ? DealerPosition.SHORT_GAMMA : DealerPosition.NEUTRAL;
    double flow = hedgeFlow != null ? hedgeFlow : totalGex;
    double strikeGross = 0;
    for (int i = 0; i < strikes.length; i++) {
      strikeGross += Math.abs(callGex[i]) + Math.abs(putGex[i]);
    }
    double gross = Math.max(Math.abs(flow), strikeGross);
    DealerPositioning dealer =
        new DealerPositioning(
            0,
            0,
            0,
            new DealerExposuresByStrike(
                DoubleArray.empty(), DoubleArray.empty(), DoubleArray.empty(), DoubleArray.empty()),
            List.of(),
            gross,
            pos,
            pos.hedgingPressure(),
            flow,
            pos.hedgingPressure().destabilising(),
            OptionalDouble.empty());
    // The analysis derives total GEX as call + put: split the chosen total so that the sum is exact.
    double putTotal = puts;
    double callTotal = totalGex - putTotal;
    if (callTotal + putTotal != totalGex) {
      callTotal = totalGex;
      putTotal = 0;
    }
    return new GexAnalysis(
        new GexAnalysis.Provenance(
            symbol, spot, valuationTime, valuationTime, settings, PositionProvenance.OPEN_INTEREST),
        new GexExposures(
            callTotal,
            putTotal,
            byStrike,
            List.of(),
            new GexHeatmap(List.of(), DoubleArray.empty(), DoubleArray.empty()),
            callWall,
            putWall,
            OptionalDouble.empty(),
            OptionalDouble.empty()),
        GreekExposures.none(),
        new GexAnalysis.Profiles(List.of(profile)),
        pins.isEmpty() ? PinRiskAnalysis.EMPTY : new PinRiskAnalysis(pins, List.of()),
        dealer,
        new GexAnalysis.Coverage(strikes.length, List.of(), io.gex.analysis.DataQuality.NONE));
  }
}
