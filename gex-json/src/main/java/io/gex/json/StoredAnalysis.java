package io.gex.json;

import io.gex.GammaRegime;
import io.gex.GexAnalysis;
import io.gex.analysis.DataQuality;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GexExposures;
import io.gex.analysis.GexHeatmap;
import io.gex.analysis.GreekExposures;
import io.gex.analysis.PinRiskAnalysis;
import io.gex.chain.ContractDiagnostic;
import io.gex.positions.PositionProvenance;
import io.gex.settings.GexSettings;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The stored (JSON and CBOR) form of a {@link GexAnalysis}: one flat object, the layout the analysis
 * record had before it was grouped, so that entries written by earlier versions (PostgreSQL rows, Redis
 * entries) read back and the written bytes did not change. Its components are written in this order.
 *
 * <p>{@code totalGex}, {@code zeroGamma} and {@code regime} are derived by the analysis; they are written
 * for readers of the document and, when read, checked against what the analysis derives (a stored form
 * that disagrees with itself is corrupt, not an analysis). An absent {@code regime} is not checked.
 *
 * <p>This class is immutable and thread-safe.
 */
record StoredAnalysis(
    String symbol,
    double spot,
    Instant valuationTime,
    Instant analyzedAt,
    GexSettings settings,
    double totalGex,
    double callGex,
    double putGex,
    GexByStrike byStrike,
    List<ExpiryGex> byExpiry,
    GexHeatmap heatmap,
    List<GammaProfile> profiles,
    OptionalDouble zeroGamma,
    OptionalDouble strikeZeroGamma,
    @Nullable GammaRegime regime,
    OptionalDouble callWall,
    OptionalDouble putWall,
    OptionalDouble absGammaStrike,
    PinRiskAnalysis pinRisk,
    DealerPositioning dealer,
    int contractsUsed,
    List<ContractDiagnostic> diagnostics,
    DataQuality dataQuality,
    GreekExposures greeks,
    PositionProvenance positions) {

  /** Relative tolerance of the stored total against call + put (the engine's own sum is exact). */
  static final double SUM_TOLERANCE = 1e-9;

  /** The stored form of an analysis. */
  static StoredAnalysis of(GexAnalysis a) {
    GexAnalysis.Provenance p = a.provenance();
    GexExposures x = a.exposures();
    GexAnalysis.Coverage c = a.coverage();
    return new StoredAnalysis(
        p.symbol(),
        p.spot(),
        p.valuationTime(),
        p.analyzedAt(),
        p.settings(),
        x.totalGex(),
        x.callGex(),
        x.putGex(),
        x.byStrike(),
        x.byExpiry(),
        x.heatmap(),
        a.profiles().all(),
        a.zeroGamma(),
        x.strikeZeroGamma(),
        a.regime(),
        x.callWall(),
        x.putWall(),
        x.absGammaStrike(),
        a.pinRisk(),
        a.dealer(),
        c.contractsUsed(),
        c.diagnostics(),
        c.dataQuality(),
        a.greeks(),
        p.positions());
  }

  /**
   * The analysis this form holds, through the analysis's validating constructors.
   *
   * @throws NullPointerException if a reference the analysis needs is missing
   * @throws IllegalArgumentException if a figure is NaN or infinite, or a derived figure stored here
   *     disagrees with the one the analysis derives (naming it and both values)
   */
  GexAnalysis toAnalysis() {
    if (!Double.isFinite(totalGex)) {
      throw new IllegalArgumentException("totalGex must be finite, was " + totalGex);
    }
    GexAnalysis a =
        new GexAnalysis(
            new GexAnalysis.Provenance(symbol, spot, valuationTime, analyzedAt, settings, positions),
            new GexExposures(
                callGex,
                putGex,
                byStrike,
                byExpiry,
                heatmap,
                callWall,
                putWall,
                absGammaStrike,
                strikeZeroGamma),
            greeks,
            new GexAnalysis.Profiles(profiles),
            pinRisk,
            dealer,
            new GexAnalysis.Coverage(contractsUsed, diagnostics, dataQuality));
    double derived = a.totalGex();
    if (!(Math.abs(totalGex - derived) <= SUM_TOLERANCE * (Math.abs(callGex) + Math.abs(putGex)))) {
      throw new IllegalArgumentException(
          "totalGex " + totalGex + " is not the sum callGex + putGex " + callGex + " + " + putGex);
    }
    if (regime != null && regime != a.regime()) {
      throw new IllegalArgumentException(
          "regime " + regime + " is not the sign of totalGex " + derived + " (" + a.regime() + ")");
    }
    if (!zeroGamma.equals(a.zeroGamma())) {
      throw new IllegalArgumentException(
          "zeroGamma " + zeroGamma + " is not the all-expiries profile's " + a.zeroGamma());
    }
    return a;
  }
}
