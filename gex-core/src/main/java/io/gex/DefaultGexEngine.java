package io.gex;

import io.gex.analysis.ResolvedChain;
import io.gex.chain.OptionChain;
import io.gex.positions.CustomerFlow;
import io.gex.positions.PositionModel;
import io.gex.positions.TradeClassifier;
import io.gex.settings.GexSettings;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
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
  private final Executor executor;

  private final PositionModel positionModel;
  private final TradeClassifier tradeClassifier;

  DefaultGexEngine(
      GexSettings settings,
      Clock clock,
      LongSupplier ticker,
      List<AnalysisListener> listeners,
      PositionModel positionModel,
      TradeClassifier tradeClassifier,
      Executor executor) {
    this.executor = executor;
    this.positionModel = positionModel;
    this.tradeClassifier = tradeClassifier;
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
  public PositionModel positionModel() {
    return positionModel;
  }

  @Override
  public TradeClassifier tradeClassifier() {
    return tradeClassifier;
  }

  @Override
  public Optional<Executor> executor() {
    return executor == GexAnalysis.CALLING_THREAD ? Optional.empty() : Optional.of(executor);
  }

  @Override
  public GexAnalysis analyze(OptionChain chain) {
    return analyze(chain, CustomerFlow.EMPTY);
  }

  @Override
  public GexAnalysis analyze(OptionChain chain, CustomerFlow flow) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(flow, "flow");
    long t0 = ticker.getAsLong();
    ResolvedChain resolved =
        ResolvedChain.resolve(
            chain.underlying(),
            chain.spot(),
            chain.valuationTime(),
            chain.contracts(),
            chain.diagnostics(),
            settings,
            null,
            positionModel,
            flow);
    long t1 = ticker.getAsLong();
    long[] took = new long[2];
    GexAnalysis analysis = GexAnalysis.assemble(resolved, clock.instant(), ticker, executor, t1, took);
    if (!listeners.isEmpty()) {
      AnalysisTimings timings =
          new AnalysisTimings(
              chain.underlying(), resolved.size(), t1 - t0, took[0], took[1], ticker.getAsLong() - t0);
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
    return "GexEngine" + settings
        + (positionModel == io.gex.positions.PositionModels.OI ? "" : "[positions=" + positionModel.id() + "]");
  }
}
