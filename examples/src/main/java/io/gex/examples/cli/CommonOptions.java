package io.gex.examples.cli;

import io.gex.GexEngine;
import io.gex.settings.ExpirySelection;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of every command that analyses ({@code analyze}, {@code report}, {@code live}): how chain
 * files are read, how they are analysed, which alert settings and plugins to use. Picocli finds them in the
 * subclasses' mixins. Filled by picocli; not thread-safe.
 */
class CommonOptions {

  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "read FILE with this source (see gex sources; default: detected from its content)")
  @Nullable String source;

  @Option(
      names = "--spot",
      paramLabel = "PRICE",
      converter = Converters.Spot.class,
      description = "spot price, for files that do not carry one (source parameter 'spot')")
  @Nullable Double spot;

  @Option(
      names = "--underlying",
      paramLabel = "SYMBOL",
      description = "underlying symbol, for files that do not carry one (source parameter 'underlying')")
  @Nullable String underlying;

  @Option(
      names = "--rate",
      paramLabel = "R",
      converter = Converters.Rate.class,
      description = "continuous risk-free rate, decimal: 0.05 for 5%% (default 0)")
  double rate;

  @Option(
      names = "--dividend-yield",
      paramLabel = "Q",
      converter = Converters.Rate.class,
      description = "continuous dividend yield, decimal (default 0)")
  double dividendYield;

  @Option(
      names = "--expiries",
      paramLabel = "SELECTION",
      converter = Converters.Expiries.class,
      description =
          "which expiries to analyse: all (default), 0dte, ex-0dte, to-monthly (up to and including the"
              + " next third-Friday monthly) or a days-to-expiry range MIN-MAX such as 0-7")
  ExpirySelection expiries = ExpirySelection.all();

  @Option(
      names = "--convention",
      paramLabel = "SIDE",
      converter = Converters.Convention.class,
      description =
          "which side dealers hold: dealer-long-calls (default: long calls, short puts) or"
              + " dealer-short-calls (short calls, long puts)")
  SignConvention convention = SignConvention.DEALER_LONG_CALLS_SHORT_PUTS;

  @Option(
      names = "--iv",
      paramLabel = "SOURCE",
      converter = Converters.Iv.class,
      description =
          "implied volatilities: otm (default: the out-of-the-money member's IV for both call and put),"
              + " vendor (the file's IV as given) or mid (solved from mid prices)")
  IvSource iv = IvSource.OTM;

  @Option(
      names = "--positions",
      paramLabel = "MODEL",
      description =
          "how dealer positions are decided: oi (default: the convention applied to open interest), volume"
              + " (the day's volume in its place) or flow (open interest minus customers' net purchases from"
              + " --trades); see the README's Dealer positions")
  String positions = "oi";

  @Option(
      names = "--expiry-zero-gamma",
      description =
          "also find the zero-gamma level of each expiry (JSON byExpiry[].zeroGamma; about 20 ms more on"
              + " SPX)")
  boolean expiryZeroGamma;

  @Option(
      names = "--dealer-profiles",
      description =
          "also re-price delta, vanna and charm exposure on the gamma profile's spots (JSON"
              + " dealerProfiles; about 90 ms more on SPX)")
  boolean dealerProfiles;

  @Option(
      names = "--alerts",
      paramLabel = "FILE",
      description = "alert settings, a properties file of gex.alerts.* keys")
  @Nullable Path alerts;

  @Option(
      names = "-D",
      paramLabel = "KEY=VALUE",
      mapFallbackValue = "",
      description =
          "one alert setting, such as -Dgex.alerts.gamma-flip-proximity.percent=0.5; wins over the same key"
              + " in --alerts FILE and in the JVM's system properties")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "load every .jar in DIR: alert rules, alert listeners and option-chain sources")
  @Nullable Path plugins;

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      converter = Converters.Url.class,
      description = "also POST each raised alert as JSON to URL, and wait for the posts")
  @Nullable URI webhook;

  @Option(names = "--debug", description = "print the stack trace of an error")
  boolean debug;

  /** The engine these options describe. */
  GexEngine engine(Clock clock) {
    GexEngine.Builder builder = GexEngine.builder();
    try {
      builder.positionModel(io.gex.spi.PositionModelLookup.discover().model(positions));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--positions " + positions + ": " + e.getMessage());
    }
    return builder
        .rate(rate)
        .dividendYield(dividendYield)
        .signConvention(convention)
        .expirySelection(expiries)
        .ivSource(iv)
        .expiryZeroGamma(expiryZeroGamma)
        .dealerProfiles(dealerProfiles)
        .clock(clock)
        .build();
  }
}
