package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertFailure;
import io.gex.alerts.GexAlert;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.positions.Trade;
import io.gex.source.TradeTape;
import io.gex.examples.WebhookAlertListener;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What {@code analyze} and {@code report} share: read FILE with its source (plugins included), analyse it
 * with the engine the options describe and evaluate the alert rules. Stateless.
 */
final class AnalysisRun {

  /** The timeout of one {@code --webhook} post. */
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@code --webhook} waits for the posts to finish before the command returns. */
  private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(15);

  /** An analysed chain, the id of the source that read it and the alerts raised on it. */
  record Result(GexAnalysis analysis, String sourceId, List<GexAlert> alerts) {}

  private AnalysisRun() {}

  /**
   * Reads, analyses and evaluates alerts.
   *
   * @param err where warnings go (plugins that failed to load, alert rules that failed)
   * @throws UsageException for a bad command line found only now (unknown source id, bad plugin directory)
   * @throws DataException if FILE or the alert settings file cannot be read or analysed
   */
  static Result run(
      AnalysisOptions options, Clock clock, Properties systemProperties, PrintWriter err) {
    Path file = Objects.requireNonNull(options.file, "file");
    try (Plugins plugins = options.plugins == null ? Plugins.none() : Plugins.load(options.plugins)) {
      ChainSources sources = sources(plugins);
      sources.report().failures().forEach(f -> err.println("gex: warning: plugin not loaded: " + f));
      OptionChainSource source = source(sources, options.source, file);
      List<Trade> trades = trades(options, err);
      GexAnalysis analysis = analyse(source, request(options, file), options, clock, file, trades);

      URI url = options.webhook;
      WebhookAlertListener webhook =
          url == null ? null : new WebhookAlertListener(url, WEBHOOK_TIMEOUT);
      AlertEvaluation evaluation;
      // The engine owns a pool for its rules: closed once the evaluation is done.
      try (AlertEngine alerts =
          AlertSetup.engine(options, systemProperties, plugins, webhook, clock)) {
        for (AlertFailure f : alerts.setupProblems()) {
          err.println("gex: warning: " + oneLine(String.valueOf(f)));
        }
        evaluation = alerts.evaluate(analysis, Optional.empty());
      }
      for (AlertFailure f : evaluation.failures()) {
        err.println("gex: warning: " + oneLine(String.valueOf(f)));
      }
      if (webhook != null && !webhook.awaitPending(WEBHOOK_WAIT)) {
        throw new GexException(
            "the webhook " + webhook.endpoint() + " did not answer within " + WEBHOOK_WAIT);
      }
      return new Result(analysis, source.id(), evaluation.raised());
    }
  }

  /** The sources: built-ins and those of the plugin jars. */
  static ChainSources sources(Plugins plugins) {
    ChainSources.Builder builder = ChainSources.builder().noSystemProperty();
    ClassLoader loader = plugins.loader();
    if (loader != null) {
      builder.classLoader(loader);
    }
    return builder.build();
  }

  /**
   * The source for FILE: the one {@code --source} names, else the one that recognises its content.
   *
   * @throws DataException if the file is missing, unreadable or of no known format
   * @throws UsageException if {@code --source} names no source
   */
  static OptionChainSource source(ChainSources sources, @Nullable String id, Path file) {
    checkFile(file);
    if (id != null) {
      if (sources.find(id).isEmpty()) {
        throw new UsageException(
            "--source " + id + ": no such option-chain source; available: " + sources.ids());
      }
      return sources.source(id);
    }
    try {
      return sources.detect(file);
    } catch (RuntimeException e) {
      DataException d = DataException.of(file, e);
      throw new DataException(d.getMessage() + " (--source ID names it; see gex sources)", e);
    }
  }

  /**
   * Checks that FILE is a readable regular file.
   *
   * @throws DataException naming the file and what is wrong
   */
  static void checkFile(Path file) {
    if (!Files.exists(file)) {
      throw new DataException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new DataException(file + ": not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new DataException(file + ": cannot be read (permission denied)");
    }
  }

  private static SourceRequest request(AnalysisOptions options, Path file) {
    SourceRequest request = request((CommonOptions) options, file);
    return options.valuationTime == null ? request : request.withValuationTime(options.valuationTime);
  }

  /**
   * The request for FILE with the {@code --spot} and {@code --underlying} of the options.
   *
   * @throws UsageException if {@code --underlying} is blank
   */
  static SourceRequest request(CommonOptions options, Path file) {
    SourceRequest request = SourceRequest.of(file);
    if (options.spot != null) {
      request = request.withParameter("spot", Double.toString(options.spot));
    }
    if (options.underlying != null) {
      if (options.underlying.isBlank()) {
        throw new UsageException("--underlying must not be blank");
      }
      request = request.withParameter("underlying", options.underlying.strip());
    }
    return request;
  }

  private static GexAnalysis analyse(
      OptionChainSource source,
      SourceRequest request,
      AnalysisOptions options,
      Clock clock,
      Path file,
      List<Trade> trades) {
    GexEngine engine = options.engine(clock);
    try {
      OptionChain chain = source.load(request);
      return engine.analyze(chain, trades);
    } catch (RuntimeException e) {
      // Whatever the library throws on this file is a problem of the data, named with the file.
      throw DataException.of(file, e);
    }
  }

  /**
   * The trades of {@code --trades}, with a warning for each rejected row (the first few) and for a model
   * that reads no flow; none without the option.
   *
   * @throws DataException if the tape cannot be read
   */
  private static List<Trade> trades(AnalysisOptions options, PrintWriter err) {
    Path tape = options.trades;
    if (tape == null) {
      if (options.positions.equals("flow")) {
        err.println(
            "gex: warning: --positions flow without --trades: no customer flow, the positions are open"
                + " interest");
      }
      return List.of();
    }
    checkFile(tape);
    TradeTape read;
    try {
      read = TradeTape.read(tape);
    } catch (RuntimeException e) {
      throw DataException.of(tape, e);
    }
    if (read.rejectedRows() > 0) {
      err.println("gex: warning: " + tape + ": " + read.rejectedRows() + " rows rejected");
      read.diagnostics().stream()
          .limit(5)
          .forEach(d -> err.println("gex: warning:   " + oneLine(String.valueOf(d))));
    }
    if (!options.positions.equals("flow")) {
      err.println(
          "gex: warning: --trades with --positions " + options.positions
              + ": the trades are counted, but only --positions flow reads them into positions");
    }
    return read.trades();
  }

  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
