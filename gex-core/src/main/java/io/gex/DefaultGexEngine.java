package io.gex;

import io.gex.analysis.DealerPositioning;
import io.gex.analysis.DealerPositioningAnalyzer;
import io.gex.analysis.ExposureCalculator;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GammaProfileCalculator;
import io.gex.analysis.GexExposures;
import io.gex.analysis.GreekExposures;
import io.gex.analysis.GreekExposuresCalculator;
import io.gex.analysis.Measure;
import io.gex.analysis.MeasureCalculator;
import io.gex.analysis.MeasureExposures;
import io.gex.analysis.PinRiskAnalysis;
import io.gex.analysis.PinRiskAnalyzer;
import io.gex.analysis.ResolvedChain;
import io.gex.chain.OptionChain;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link GexEngine#builder()}. Immutable and thread-safe.
 *
 * <p>Every chain that construction accepts can be analysed: {@link OptionChain} and {@link
 * io.gex.chain.OptionContract} bound spot, strikes, open interest, volatilities, expiries and the valuation
 * time, and {@link GexSettings} bounds the settings that scale every figure or could push a profile spot to
 * 0, so that {@link #analyze} throws nothing but its documented exceptions and every figure is finite.
 */
final class DefaultGexEngine implements GexEngine {

  private static final Logger LOG = LoggerFactory.getLogger(GexEngine.class);

  private final GexSettings settings;
  private final Clock clock;
  private final LongSupplier ticker;
  private final List<AnalysisListener> listeners;

  DefaultGexEngine(
      GexSettings settings, Clock clock, LongSupplier ticker, List<AnalysisListener> listeners) {
    this.settings = settings;
    this.clock = clock;
    this.ticker = ticker;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public GexSettings settings() {
    return settings;
  }

  @Override
  public GexAnalysis analyze(OptionChain chain) {
    Objects.requireNonNull(chain, "chain");
    long t0 = ticker.getAsLong();
    ResolvedChain resolved = ResolvedChain.resolve(chain, settings);
    if (resolved.size() == 0) {
      throw new NoUsableContractsException(
          chain.underlying(),
          chain.contracts().size(),
          GexAnalysis.countByReason(resolved.diagnostics()),
          resolved.diagnostics());
    }
    long t1 = ticker.getAsLong();
    MeasureExposures measures =
        MeasureCalculator.DEFAULT.calculate(resolved, EnumSet.allOf(Measure.class));
    GexExposures exposures = ExposureCalculator.DEFAULT.calculate(measures);
    PinRiskAnalysis pinRisk = PinRiskAnalyzer.DEFAULT.analyze(resolved);
    DealerPositioning dealer = DealerPositioningAnalyzer.DEFAULT.analyze(exposures, measures);
    GreekExposures greeks = GreekExposuresCalculator.DEFAULT.calculate(measures);
    long t2 = ticker.getAsLong();
    List<GammaProfile> profiles = GammaProfileCalculator.DEFAULT.profiles(resolved);
    long t3 = ticker.getAsLong();
    GexAnalysis analysis =
        new GexAnalysis(
            chain.underlying(),
            chain.spot(),
            chain.valuationTime(),
            clock.instant(),
            settings,
            exposures.totalGex(),
            exposures.callGex(),
            exposures.putGex(),
            exposures.byStrike(),
            exposures.byExpiry(),
            exposures.heatmap(),
            profiles,
            profiles.get(0).zeroGamma(),
            exposures.strikeZeroGamma(),
            GammaRegime.of(exposures.totalGex()),
            exposures.callWall(),
            exposures.putWall(),
            exposures.absGammaStrike(),
            pinRisk,
            dealer,
            resolved.size(),
            resolved.diagnostics(),
            resolved.dataQuality(dealer.grossGex()),
            greeks);
    if (!listeners.isEmpty()) {
      AnalysisTimings timings =
          new AnalysisTimings(
              chain.underlying(), resolved.size(), t1 - t0, t2 - t1, t3 - t2, ticker.getAsLong() - t0);
      for (AnalysisListener listener : listeners) {
        try {
          listener.onAnalysis(timings);
        } catch (RuntimeException e) {
          LOG.warn("analysis listener {} failed; the analysis is unaffected", listener, e);
        }
      }
    }
    return analysis;
  }

  @Override
  public String toString() {
    return "GexEngine" + settings;
  }
}
