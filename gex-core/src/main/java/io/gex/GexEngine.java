package io.gex;

import io.gex.chain.OptionChain;
import io.gex.positions.CustomerFlow;
import io.gex.positions.PositionModel;
import io.gex.positions.PositionModels;
import io.gex.positions.Trade;
import io.gex.positions.TradeClassifier;
import io.gex.settings.ExpirySelection;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Analyses option chains into dealer gamma exposure. Build one with {@link #builder()}, share it between
 * threads, and call {@link #analyze(OptionChain)} for each chain.
 *
 * <pre>{@code
 * GexEngine engine = GexEngine.builder().rate(0.045).build();
 * GexAnalysis analysis = engine.analyze(chain);
 * double dollarsPerOnePercent = analysis.totalGex();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface GexEngine {

  /**
   * Analyses a chain under this engine's settings.
   *
   * @param chain the chain to analyse
   * @return the analysis; contracts left out are listed in its diagnostics
   * @throws NoUsableContractsException if no contract of the chain can be priced
   * @throws NullPointerException if chain is null
   */
  GexAnalysis analyze(OptionChain chain);

  /**
   * Analyses a chain with the customers' flow since the open, under this engine's {@linkplain
   * #positionModel() position model} (which alone decides whether the flow moves any figure: {@code flow}
   * does, {@code oi} and {@code volume} do not). The analysis's {@link GexAnalysis.Provenance#positions()} records the
   * model, the flow's trade counts and its data-quality checks.
   *
   * <p>The default implementation serves engines without position models: it analyses the chain alone when
   * the flow is empty.
   *
   * @param chain the chain, with start-of-day open interest
   * @param flow the customers' flow per contract (see {@link CustomerFlow#of(Iterable, TradeClassifier)})
   * @return the analysis
   * @throws NoUsableContractsException if no contract of the chain can be priced
   * @throws NullPointerException if an argument is null
   * @throws UnsupportedOperationException if the flow is not empty and this engine cannot take flow
   */
  default GexAnalysis analyze(OptionChain chain, CustomerFlow flow) {
    if (!flow.isEmpty()) {
      throw new UnsupportedOperationException(getClass().getName() + " does not take customer flow");
    }
    return analyze(chain);
  }

  /**
   * Analyses a chain with a tape of the day's trades, classified by this engine's {@link
   * #tradeClassifier()} in the order given: {@code analyze(chain, CustomerFlow.of(tape,
   * tradeClassifier()))}.
   *
   * @throws NoUsableContractsException if no contract of the chain can be priced
   * @throws NullPointerException if an argument or a trade is null
   */
  default GexAnalysis analyze(OptionChain chain, List<Trade> tape) {
    return analyze(chain, CustomerFlow.of(tape, tradeClassifier()));
  }

  /** The model that decides each contract's dealer position (default {@link PositionModels#OI}). */
  default PositionModel positionModel() {
    return PositionModels.OI;
  }

  /** The classifier that reads trades into customer flow (default {@link TradeClassifier#DEFAULT}). */
  default TradeClassifier tradeClassifier() {
    return TradeClassifier.DEFAULT;
  }

  /** The conventions this engine analyses with. */
  GexSettings settings();

  /**
   * The executor on which each analysis computes its gamma profiles beside the calling thread ({@link
   * Builder#executor}), or empty when every analysis runs on the calling thread alone (the default).
   */
  default Optional<Executor> executor() {
    return Optional.empty();
  }

  /** A builder with the {@linkplain GexSettings#DEFAULT default settings}. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link GexEngine}. Every setting has the default of {@link GexSettings#DEFAULT}. Not
   * thread-safe; the engine it builds is.
   */
  final class Builder {
    private double rate = GexSettings.DEFAULT.rate();
    private double dividendYield = GexSettings.DEFAULT.dividendYield();
    private double multiplier = GexSettings.DEFAULT.multiplier();
    private SignConvention signConvention = GexSettings.DEFAULT.signConvention();
    private double daysPerYear = GexSettings.DEFAULT.daysPerYear();
    private ZoneId settlementZone = GexSettings.DEFAULT.settlementZone();
    private LocalTime amSettlementTime = GexSettings.DEFAULT.amSettlementTime();
    private LocalTime pmSettlementTime = GexSettings.DEFAULT.pmSettlementTime();
    private Duration minTimeToExpiry = GexSettings.DEFAULT.minTimeToExpiry();
    private ExpirySelection expirySelection = GexSettings.DEFAULT.expirySelection();
    private double profileLow = GexSettings.DEFAULT.profileLow();
    private double profileHigh = GexSettings.DEFAULT.profileHigh();
    private int profilePoints = GexSettings.DEFAULT.profilePoints();
    private IvSource ivSource = GexSettings.DEFAULT.ivSource();
    private boolean expiryZeroGamma = GexSettings.DEFAULT.expiryZeroGamma();
    private boolean dealerProfiles = GexSettings.DEFAULT.dealerProfiles();
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private final List<AnalysisListener> listeners = new ArrayList<>();
    private PositionModel positionModel = PositionModels.OI;
    private TradeClassifier tradeClassifier = TradeClassifier.DEFAULT;
    private Executor executor = GexAnalysis.CALLING_THREAD;

    Builder() {}

    /** Takes every convention from a settings value. */
    public Builder settings(GexSettings settings) {
      Objects.requireNonNull(settings, "settings");
      rate = settings.rate();
      dividendYield = settings.dividendYield();
      multiplier = settings.multiplier();
      signConvention = settings.signConvention();
      daysPerYear = settings.daysPerYear();
      settlementZone = settings.settlementZone();
      amSettlementTime = settings.amSettlementTime();
      pmSettlementTime = settings.pmSettlementTime();
      minTimeToExpiry = settings.minTimeToExpiry();
      expirySelection = settings.expirySelection();
      profileLow = settings.profileLow();
      profileHigh = settings.profileHigh();
      profilePoints = settings.profilePoints();
      ivSource = settings.ivSource();
      expiryZeroGamma = settings.expiryZeroGamma();
      dealerProfiles = settings.dealerProfiles();
      return this;
    }

    /** Continuous risk-free rate as a decimal (default 0). */
    public Builder rate(double value) {
      rate = value;
      return this;
    }

    /** Continuous dividend yield as a decimal (default 0). */
    public Builder dividendYield(double value) {
      dividendYield = value;
      return this;
    }

    /** Contract multiplier (default 100). */
    public Builder multiplier(double value) {
      multiplier = value;
      return this;
    }

    /** Which side dealers hold (default: long calls, short puts). */
    public Builder signConvention(SignConvention value) {
      signConvention = Objects.requireNonNull(value, "signConvention");
      return this;
    }

    /** Days in a year for time to expiry (default 365). */
    public Builder daysPerYear(double value) {
      daysPerYear = value;
      return this;
    }

    /** Time zone of the settlement times (default America/New_York). */
    public Builder settlementZone(ZoneId value) {
      settlementZone = Objects.requireNonNull(value, "settlementZone");
      return this;
    }

    /** Settlement time of AM-settled contracts (default 09:30). */
    public Builder amSettlementTime(LocalTime value) {
      amSettlementTime = Objects.requireNonNull(value, "amSettlementTime");
      return this;
    }

    /** Settlement time of PM-settled contracts (default 16:00). */
    public Builder pmSettlementTime(LocalTime value) {
      pmSettlementTime = Objects.requireNonNull(value, "pmSettlementTime");
      return this;
    }

    /** Floor of the time to expiry of unsettled contracts (default 15 minutes). */
    public Builder minTimeToExpiry(Duration value) {
      minTimeToExpiry = Objects.requireNonNull(value, "minTimeToExpiry");
      return this;
    }

    /** Which expiries to analyse (default all). */
    public Builder expirySelection(ExpirySelection value) {
      expirySelection = Objects.requireNonNull(value, "expirySelection");
      return this;
    }

    /** Profile range as fractions of spot (default 0.5 to 1.5). */
    public Builder profileRange(double low, double high) {
      profileLow = low;
      profileHigh = high;
      return this;
    }

    /** Number of profile points (default 201). */
    public Builder profilePoints(int value) {
      profilePoints = value;
      return this;
    }

    /**
     * Where implied volatilities come from (default {@link IvSource#OTM}: a strike's call and put share the
     * out-of-the-money member's IV; {@link IvSource#MID} solves each mid; {@link IvSource#VENDOR} takes
     * the file's IVs as given). See {@link IvSource} for the rules, the plausibility bounds and the
     * diagnostics.
     *
     * @throws NullPointerException if value is null
     */
    public Builder ivSource(IvSource value) {
      ivSource = Objects.requireNonNull(value, "ivSource");
      return this;
    }

    /**
     * Whether analyses compute the zero-gamma level of each expiry ({@link
     * io.gex.analysis.GreekExposures#zeroGammaByExpiry()}; default false: a crossing search per expiry costs
     * about 20 ms of CPU on an SPX chain of 50 expiries).
     */
    public Builder expiryZeroGamma(boolean value) {
      expiryZeroGamma = value;
      return this;
    }

    /**
     * Whether analyses compute the delta, vanna and charm exposure profiles against hypothetical spot
     * ({@link io.gex.analysis.GreekExposures#profiles()}), on the gamma profile's grid (default false: they
     * cost {@code profilePoints} times the exposures at spot, about 90 ms of CPU on an SPX chain).
     */
    public Builder dealerProfiles(boolean value) {
      dealerProfiles = value;
      return this;
    }

    /** The clock that stamps {@link GexAnalysis.Provenance#analyzedAt()} (default the system UTC clock). */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The nanosecond ticker that times analyses (default {@link System#nanoTime()}). */
    public Builder ticker(LongSupplier value) {
      ticker = Objects.requireNonNull(value, "ticker");
      return this;
    }

    /**
     * The model that decides each contract's dealer position (default {@link PositionModels#OI}: the sign
     * convention applied to open interest, every figure as before models existed). Registering a model
     * here is the explicit registration of the {@link PositionModel} SPI; {@link
     * io.gex.spi.PositionModelLookup} finds the others by id.
     *
     * @throws NullPointerException if value is null
     */
    public Builder positionModel(PositionModel value) {
      positionModel = Objects.requireNonNull(value, "positionModel");
      return this;
    }

    /**
     * The built-in position model with this id: {@code oi}, {@code volume} or {@code flow}. (A plugin's
     * model: {@code positionModel(PositionModelLookup.discover().model(id))}, {@link
     * io.gex.spi.PositionModelLookup}.)
     *
     * @throws IllegalArgumentException naming the id if it is not a built-in model's
     */
    public Builder positionModel(String id) {
      Objects.requireNonNull(id, "id");
      positionModel =
          PositionModels.builtIn(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no built-in position model with id '" + id + "' (oi, volume, flow); a plugin's"
                              + " model is found by io.gex.spi.PositionModelLookup"));
      return this;
    }

    /**
     * How trades are classified into customer flow (default {@link TradeClassifier#DEFAULT}: a band of 0.1
     * of the spread around the mid, quotes at most 5 s old).
     *
     * @throws NullPointerException if value is null
     */
    public Builder tradeClassifier(TradeClassifier value) {
      tradeClassifier = Objects.requireNonNull(value, "tradeClassifier");
      return this;
    }

    /**
     * Threads for the analysis of one chain (default none: each analysis runs on the calling thread).
     *
     * <p>Given an executor, an analysis hands the gamma profiles (about 40% of the work on an index chain)
     * to it and computes the exposures, measures, pin risk and dealer figures on the calling thread, then
     * waits for the profiles. If the executor has not started them by then, or refuses them, the calling
     * thread computes them itself, so a busy or saturated executor costs nothing but the overlap and cannot
     * deadlock, even when the caller is one of its threads. The figures are the same to the bit with or
     * without one; {@link AnalysisTimings#profileNanos()} is then the profiles' own time, which overlaps
     * {@link AnalysisTimings#exposureNanos()}, and the {@linkplain #ticker ticker} is read on the
     * executor's threads too.
     *
     * <p>Worth it where one chain's latency matters and a core is idle (a live chain on a trader's machine:
     * on the real SPX chain, a second core that is really free takes up to a third off the wall time of a
     * full analysis, BENCHMARKS.md); not where every core is busy analysing other chains (a server or a
     * Flink job), where it only adds hand-offs. {@code ForkJoinPool.commonPool()} is a good choice; {@code
     * Runnable::run} computes the profiles first, on the calling thread.
     *
     * @throws NullPointerException if value is null
     */
    public Builder executor(Executor value) {
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** Adds a listener told of each analysis's timings. */
    public Builder listener(AnalysisListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalArgumentException naming the setting and value if a setting is out of range
     */
    public GexEngine build() {
      GexSettings settings =
          new GexSettings(
              rate,
              dividendYield,
              multiplier,
              signConvention,
              daysPerYear,
              settlementZone,
              amSettlementTime,
              pmSettlementTime,
              minTimeToExpiry,
              expirySelection,
              profileLow,
              profileHigh,
              profilePoints,
              ivSource,
              expiryZeroGamma,
              dealerProfiles);
      return new DefaultGexEngine(
          settings, clock, ticker, listeners, positionModel, tradeClassifier, executor);
    }
  }
}
