package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.GexException;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertSettings;
import io.gex.alerts.GexAlert;
import io.gex.chain.OptionChain;
import io.gex.charts.GexReport;
import io.gex.charts.ReportFiles;
import io.gex.examples.WebhookAlertListener;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code gex} command line. Run it as {@code ./gex ...} from the repository (which builds {@code
 * examples/target/gex.jar} when needed) or as {@code java -jar examples/target/gex.jar ...}.
 *
 * <pre>
 * gex analyze FILE [--source ID] [--rate R] [--dividend-yield Q] [--valuation-time ISO-8601]
 *                  [--format text|json] [--webhook URL] [--debug]
 * gex report FILE --out DIR [--source ID] [--rate R] [--dividend-yield Q] [--valuation-time ISO-8601]
 *                  [--webhook URL] [--debug]
 * gex sources
 * gex --help
 * </pre>
 *
 * <p>{@code analyze} reads an option-chain snapshot (the format is detected from the file's content unless
 * {@code --source} names one), analyses it with a {@link GexEngine} (r = {@code --rate}, q = {@code
 * --dividend-yield}, both default 0; dealers long calls and short puts), evaluates the alert rules found on
 * the class path (the built-ins and plugins such as {@link io.gex.examples.plugin.ZeroGammaShiftRule}; with
 * no previous snapshot, only the rules that need none can raise) and prints {@link AnalysisText the
 * summary} or {@link AnalysisJson the JSON document}. {@code report} writes the PNG charts and {@code
 * index.html} of {@link GexReport} into {@code --out} and prints their paths. {@code sources} lists the
 * option-chain sources found. {@code --webhook} also posts every raised alert to a URL ({@link
 * WebhookAlertListener}).
 *
 * <p>Output goes to stdout; errors go to stderr as one line starting with {@code gex: } (with the stack
 * trace under {@code --debug}); log messages (WARN and above) go to stderr. Exit status: {@value
 * #EXIT_OK} success, {@value #EXIT_FAILED} the data could not be read or analysed, {@value #EXIT_USAGE} bad
 * command line (unknown command or option, missing or bad value, missing file).
 *
 * <p>An instance is immutable and thread-safe; {@link #run} does not call {@link System#exit}.
 */
public final class GexCli {

  /** Exit status of a successful run. */
  public static final int EXIT_OK = 0;

  /** Exit status when the input cannot be read or analysed (or an unexpected error happened). */
  public static final int EXIT_FAILED = 1;

  /** Exit status of a command line that cannot be run as given. */
  public static final int EXIT_USAGE = 2;

  /** The usage text printed by {@code gex --help}. */
  public static final String USAGE =
      """
      Usage: gex <command> [options]

      Commands:
        analyze FILE           analyse an option-chain snapshot and print a summary (or JSON)
        report FILE --out DIR  write PNG charts and index.html of the analysis into DIR
        sources                list the option-chain sources found on the class path
        help                   print this help

      Options:
        --source ID            read FILE with this source (default: detected from its content)
        --rate R               continuous risk-free rate, decimal: 0.05 for 5% (default 0)
        --dividend-yield Q     continuous dividend yield, decimal (default 0)
        --valuation-time T     value the chain at this ISO-8601 instant, such as
                               2022-12-12T21:15:00Z (default: the time in the file)
        --format text|json     output of analyze (default text)
        --out DIR              output directory of report
        --webhook URL          also POST each raised alert as JSON to URL
        --debug                print the stack trace of an error
        -h, --help             print this help

      Exposures are dollars per 1% move (text: $bn), levels index points.
      Exit status: 0 success, 1 the data could not be read or analysed, 2 bad command line.
      """;

  /** The timeout of one {@code --webhook} post. */
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@code --webhook} waits for the posts to finish before the command returns. */
  private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(15);

  /**
   * The CLI runs each alert rule on the calling thread with this budget: one analysis per process has time,
   * and a loaded machine must not drop alerts.
   */
  private static final Duration RULE_BUDGET = Duration.ofSeconds(30);

  private final Clock clock;

  /**
   * A command line whose engines stamp analyses and measure cooldowns with this clock.
   *
   * @param clock the clock (tests pass a fixed one)
   */
  public GexCli(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs the command line and exits the JVM with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // Charts are drawn off screen; no display is wanted, even where one exists.
    System.setProperty("java.awt.headless", "true");
    int status = new GexCli(Clock.systemUTC()).run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs a command line.
   *
   * @param args the arguments, as given to {@code main}
   * @param out where the command's output goes
   * @param err where error lines (and under {@code --debug} stack traces) go
   * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
   */
  public int run(String[] args, PrintStream out, PrintStream err) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    boolean debug = CliOptions.wantsDebug(args);
    try {
      CliOptions options = CliOptions.parse(args);
      switch (options.command()) {
        case CliOptions.HELP -> out.print(USAGE);
        case CliOptions.SOURCES -> sources(out);
        case CliOptions.ANALYZE -> analyze(options, out);
        case CliOptions.REPORT -> report(options, out);
        default -> throw new IllegalStateException("unhandled command " + options.command());
      }
      out.flush();
      return EXIT_OK;
    } catch (UsageException e) {
      return fail(err, e, debug, EXIT_USAGE, "");
    } catch (IllegalArgumentException e) {
      // Bad values that only the library can judge: an unknown source id, a source parameter.
      return fail(err, e, debug, EXIT_USAGE, "");
    } catch (GexException e) {
      return fail(err, e, debug, EXIT_FAILED, "");
    } catch (RuntimeException e) {
      return fail(err, e, debug, EXIT_FAILED, "unexpected " + e.getClass().getName() + ": ");
    }
  }

  private static int fail(
      PrintStream err, RuntimeException e, boolean debug, int status, String prefix) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    // One line, whatever the exception says.
    String hint = !debug && !prefix.isEmpty() ? " (run with --debug for the stack trace)" : "";
    err.println("gex: " + prefix + message.strip().replaceAll("\\s*\\R\\s*", " ") + hint);
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return status;
  }

  private static void sources(PrintStream out) {
    ChainSources sources = ChainSources.discover();
    for (OptionChainSource s : sources.sources()) {
      out.printf("%-12s %s%n", s.id(), s.description());
    }
  }

  private void analyze(CliOptions options, PrintStream out) {
    Loaded loaded = load(options);
    List<GexAlert> alerts = alerts(loaded.analysis, options);
    if (options.format().equals("json")) {
      out.println(AnalysisJson.write(loaded.analysis, alerts));
    } else {
      out.print(AnalysisText.format(loaded.analysis, alerts, loaded.sourceId));
    }
  }

  private void report(CliOptions options, PrintStream out) {
    Loaded loaded = load(options);
    List<GexAlert> alerts = alerts(loaded.analysis, options);
    List<String> lines = new ArrayList<>();
    for (GexAlert a : alerts) {
      lines.add(a.severity() + "  " + a.message());
    }
    Path dir = Objects.requireNonNull(options.out(), "out");
    ReportFiles files = GexReport.write(loaded.analysis, lines, dir);
    for (Path p : files.all()) {
      out.println(p);
    }
  }

  private Loaded load(CliOptions options) {
    Path file = Objects.requireNonNull(options.file(), "file");
    if (!Files.exists(file)) {
      throw new UsageException("no such file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException("not a regular file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new UsageException("cannot read " + file + ": permission denied");
    }
    ChainSources sources = ChainSources.builder().noSystemProperty().build();
    String id = options.source();
    OptionChainSource source = id != null ? sources.source(id) : sources.detect(file);
    SourceRequest request = SourceRequest.of(file);
    if (options.valuationTime().isPresent()) {
      request = request.withValuationTime(options.valuationTime().get());
    }
    OptionChain chain = source.load(request);
    GexEngine engine =
        GexEngine.builder()
            .rate(options.rate())
            .dividendYield(options.dividendYield())
            .clock(clock)
            .build();
    return new Loaded(engine.analyze(chain), source.id());
  }

  private List<GexAlert> alerts(GexAnalysis analysis, CliOptions options) {
    URI url = options.webhook();
    WebhookAlertListener webhook = url == null ? null : new WebhookAlertListener(url, WEBHOOK_TIMEOUT);
    AlertEngine.Builder builder =
        AlertEngine.builder()
            .settings(AlertSettings.builder().ruleTimeout(RULE_BUDGET).build())
            .logAlerts(false) // the command prints them
            .discoverListeners(false)
            .executor(Runnable::run)
            .clock(clock);
    if (webhook != null) {
      builder.listener(webhook);
    }
    AlertEvaluation evaluation = builder.build().evaluate(analysis, Optional.empty());
    if (webhook != null && !webhook.awaitPending(WEBHOOK_WAIT)) {
      throw new GexException("the webhook " + webhook.endpoint() + " did not answer within " + WEBHOOK_WAIT);
    }
    return evaluation.raised();
  }

  /** A chain analysed, and the id of the source that read it. */
  private record Loaded(GexAnalysis analysis, String sourceId) {}

  @Override
  public String toString() {
    return "GexCli[" + clock + "]";
  }
}
