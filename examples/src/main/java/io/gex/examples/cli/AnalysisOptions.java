package io.gex.examples.cli;

import io.gex.charts.GexCharts;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code analyze} and {@code report} share (a picocli mixin): the snapshot to read, its
 * valuation time and the window shown, with the {@link CommonOptions options every analysing command takes}.
 * Filled by picocli; not thread-safe.
 */
final class AnalysisOptions extends CommonOptions {

  /** The window of the text and charts when {@code --window} is not given, percent of spot. */
  static final double DEFAULT_WINDOW_PERCENT = 10;

  @Parameters(index = "0", paramLabel = "FILE", description = "the option-chain snapshot to read")
  @Nullable Path file;

  @Option(
      names = "--valuation-time",
      paramLabel = "ISO-8601",
      converter = Converters.Time.class,
      description = "value the chain at this instant, such as 2022-12-12T21:15:00Z (default: the time in FILE)")
  @Nullable Instant valuationTime;

  @Option(
      names = "--window",
      paramLabel = "PCT",
      converter = Converters.Window.class,
      description =
          "window of the text's strike table and crossings and of the charts (strikes and profile),"
              + " percent of spot (default: strikes within ±10%%, the profile within ±15%% widened to"
              + " show the flip)")
  @Nullable Double windowPercent;

  @Option(
      names = "--trades",
      paramLabel = "TAPE",
      description =
          "the day's option trades, CSV (time,option,price,size,bid,ask) or JSON lines: customers' flow for"
              + " --positions flow, and the trade counts and flow checks of the output")
  @Nullable Path trades;

  /** The strike window as a fraction of spot. */
  double window() {
    return (windowPercent == null ? DEFAULT_WINDOW_PERCENT : windowPercent) / 100;
  }

  /** The charts' profile window as a fraction of spot: {@code --window} when given, else the charts' default. */
  double profileWindow() {
    return windowPercent == null
        ? GexCharts.DEFAULT_PROFILE_WINDOW
        : Math.max(0.01, windowPercent / 100); // the charts frame at least ±1%
  }
}
