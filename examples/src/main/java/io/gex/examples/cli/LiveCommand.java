package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.GexException;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertFailure;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.examples.WebhookAlertListener;
import io.gex.live.MarketEvent;
import io.gex.server.AnalysisJson;
import io.gex.source.SyntheticChainSource;
import io.gex.source.SyntheticSession;
import io.gex.source.TickFile;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gex live FILE...} and {@code gex live --synthetic SYMBOL}: replays snapshots and tick files (or a
 * synthetic session) through a {@link io.gex.live.LiveChain} and prints one analysis per line, each the
 * document of {@code analyze --format json} on one line ({@link AnalysisJson#writeLine}), or with {@code
 * --format text} its headline levels in columns ({@link LiveText}). The replay rules
 * are {@link Replay}'s. Alerts are evaluated on every analysis against the one before it, their cooldowns
 * measured in replay time.
 */
@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    versionProvider = GexCli.Version.class,
    sortOptions = false,
    description = {
      "Replay snapshots and tick files (or a synthetic session) through a live chain and print one"
          + " analysis per line: the document of 'analyze --format json' on one line, or with --format text"
          + " the headline levels in columns.",
      "FILEs are merged in time order. A snapshot (any chain file 'analyze' reads) replaces the whole state"
          + " at its valuation time; a tick file (header time,symbol,field,value) adds market events. The"
          + " clock moves to the time of the last event before each analysis.",
      "Without --every: one line per distinct event time. With --every D: one line per window of D of event"
          + " time (the last state in it; windows aligned on midnight UTC)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:a FILE cannot be read (a bad tick row: its file and line) or a state cannot be analysed",
      "2:bad command line (no FILE and no --synthetic, both, a bad option value)"
    })
final class LiveCommand implements Callable<Integer> {

  /** The start of a synthetic session unless {@code --start} says: Friday 16 December 2022, 09:30 New York. */
  static final String DEFAULT_START = "2022-12-16T09:30:00-05:00";

  private static final int MAX_WARNINGS = 20;

  private final Commands.Environment environment;

  /** Per tick file read: the file and the underlying of its spot rows ("" if none). */
  private final List<String[]> underlyings = new ArrayList<>();

  @Spec @Nullable CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "snapshots (any format analyze reads; --source names it) and tick files, plain or gzip")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      converter = Converters.Every.class,
      description = "at most one analysis per DURATION of event time, such as 500ms, 1s, 1m (default: one per distinct event time)")
  @Nullable Duration every;

  @Option(
      names = "--synthetic",
      paramLabel = "SYMBOL",
      description = "replay a seeded synthetic session of SYMBOL (such as SPX) instead of FILEs")
  @Nullable String synthetic;

  @Option(
      names = "--events",
      paramLabel = "N",
      description = "--synthetic: how many events (default ${DEFAULT-VALUE})")
  int events = 1000;

  @Option(names = "--seed", paramLabel = "S", description = "--synthetic: the seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--contracts",
      paramLabel = "N",
      description = "--synthetic: about how many contracts in the chain (default ${DEFAULT-VALUE})")
  int contracts = SyntheticChainSource.DEFAULT_CONTRACTS;

  @Option(
      names = "--start",
      paramLabel = "ISO-8601",
      converter = Converters.Time.class,
      description =
          "--synthetic: the session's start (default " + DEFAULT_START + ", a Friday: the SPXW weekly is"
              + " 0DTE); it ends at 16:15 New York that day")
  @Nullable Instant start;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "json (default: each analysis as the document of analyze --format json, on one line) or text (a"
              + " header, then per analysis one line of time, spot, total GEX, zero gamma, walls and regime,"
              + " and a line per alert raised)")
  Format format = Format.JSON;

  @Option(
      names = "--skip-bad-ticks",
      description = "replay the good rows of a tick file with bad rows (each named on stderr) instead of stopping")
  boolean skipBadTicks;

  @Mixin CommonOptions options = new CommonOptions();

  LiveCommand(Commands.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (synthetic == null && files.isEmpty()) {
      throw new UsageException("live needs FILEs to replay or --synthetic SYMBOL (see gex live --help)");
    }
    if (synthetic != null && !files.isEmpty()) {
      throw new UsageException("live replays either FILEs or --synthetic " + synthetic + ", not both");
    }
    if (events < 1) {
      throw new UsageException("--events must be >= 1, was " + events);
    }
    GexEngine engine = options.engine(environment.clock());
    try (Plugins plugins = options.plugins == null ? Plugins.none() : Plugins.load(options.plugins)) {
      ChainSources sources = AnalysisRun.sources(plugins);
      sources.report().failures().forEach(f -> err.println("gex: warning: plugin not loaded: " + f));
      List<List<Replay.Item>> inputs = new ArrayList<>();
      if (synthetic != null) {
        inputs.add(synthetic(synthetic));
      } else {
        for (Path file : files) {
          inputs.add(read(sources, file, err));
        }
      }
      checkUnderlyings(inputs);
      List<Replay.Item> items = Replay.merge(inputs);

      ReplayClock clock = new ReplayClock(items.get(0).time());
      URI url = options.webhook;
      WebhookAlertListener webhook = url == null ? null : new WebhookAlertListener(url, WEBHOOK_TIMEOUT);
      Replay replay = new Replay(engine, every);
      try (AlertEngine alerts =
          AlertSetup.engine(options, environment.systemProperties(), plugins, webhook, clock)) {
        for (AlertFailure f : alerts.setupProblems()) {
          err.println("gex: warning: " + AnalysisRun.oneLine(String.valueOf(f)));
        }
        if (format == Format.TEXT) {
          out.println(LiveText.HEADER);
        }
        GexAnalysis[] previous = new GexAnalysis[1];
        replay.run(
            items,
            analysis -> {
              clock.set(analysis.valuationTime());
              AlertEvaluation evaluation =
                  alerts.evaluate(analysis, Optional.ofNullable(previous[0]));
              for (AlertFailure f : evaluation.failures()) {
                err.println("gex: warning: " + AnalysisRun.oneLine(String.valueOf(f)));
              }
              if (format == Format.TEXT) {
                out.print(LiveText.lines(analysis, evaluation.raised()));
                out.flush(); // a line as soon as it is there, for a terminal following a replay
              } else {
                out.println(AnalysisJson.writeLine(analysis, evaluation.raised()));
              }
              previous[0] = analysis;
            });
      }
      out.flush();
      if (replay.eventsBeforeFirstSnapshot() > 0) {
        err.println(
            "gex: warning: " + replay.eventsBeforeFirstSnapshot() + " events before the first snapshot at "
                + items.stream().filter(i -> i instanceof Replay.Snapshot).findFirst().map(Replay.Item::time)
                    .orElseThrow()
                + " were not applied (there was no chain yet)");
      }
      if (replay.ignoredEvents() > 0) {
        err.println(
            "gex: warning: " + replay.ignoredEvents() + " events named contracts not in the chain and were"
                + " ignored; the first: " + replay.firstIgnored());
      }
      if (webhook != null && !webhook.awaitPending(WEBHOOK_WAIT)) {
        throw new GexException(
            "the webhook " + webhook.endpoint() + " did not answer within " + WEBHOOK_WAIT);
      }
    }
    return GexCli.EXIT_OK;
  }

  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(15);

  /** The synthetic chain at the start and its session's events. */
  private List<Replay.Item> synthetic(String symbol) {
    Instant at = start == null ? Instant.parse("2022-12-16T14:30:00Z") : start;
    SourceRequest request =
        SourceRequest.of(symbol.strip())
            .withValuationTime(at)
            .withParameter("seed", Long.toString(seed))
            .withParameter("contracts", Integer.toString(contracts));
    if (options.spot != null) {
      request = request.withParameter("spot", Double.toString(options.spot));
    }
    if (options.underlying != null) {
      request = request.withParameter("underlying", options.underlying.strip());
    }
    OptionChain chain;
    SyntheticSession session;
    try {
      chain = new SyntheticChainSource(environment.clock()).load(request);
      session = SyntheticSession.builder(chain).events(events).seed(seed).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--synthetic " + symbol + ": " + e.getMessage(), e);
    }
    List<Replay.Item> items = new ArrayList<>(events + 1);
    items.add(new Replay.Snapshot(chain, "synthetic " + chain.underlying()));
    List<MarketEvent> list = session.events();
    for (int i = 0; i < list.size(); i++) {
      items.add(new Replay.Tick(list.get(i), "synthetic event " + (i + 1)));
    }
    return items;
  }

  /** A tick file's events, or a snapshot. */
  private List<Replay.Item> read(ChainSources sources, Path file, PrintWriter err) {
    AnalysisRun.checkFile(file);
    boolean ticks;
    try {
      ticks = TickFile.isTickFile(file);
    } catch (RuntimeException e) {
      throw DataException.of(file, e);
    }
    if (!ticks) {
      OptionChainSource source = AnalysisRun.source(sources, options.source, file);
      try {
        OptionChain chain = source.load(AnalysisRun.request(options, file));
        return List.of(new Replay.Snapshot(chain, file.toString()));
      } catch (UsageException e) {
        throw e;
      } catch (RuntimeException e) {
        throw DataException.of(file, e);
      }
    }
    TickFile tickFile;
    try {
      tickFile = TickFile.read(file);
    } catch (RuntimeException e) {
      throw DataException.of(file, e);
    }
    List<ContractDiagnostic> bad = tickFile.diagnostics();
    if (!bad.isEmpty() && !skipBadTicks) {
      long more = tickFile.rejectedRows() - 1;
      throw new DataException(
          describe(bad.get(0))
              + (more > 0 ? " (and " + rows(more) + "; " : " (")
              + "--skip-bad-ticks replays the good rows)");
    }
    for (int i = 0; i < Math.min(bad.size(), MAX_WARNINGS); i++) {
      err.println("gex: warning: skipped " + describe(bad.get(i)));
    }
    if (tickFile.rejectedRows() > MAX_WARNINGS) {
      err.println(
          "gex: warning: " + file + ": " + rows(tickFile.rejectedRows() - MAX_WARNINGS) + " skipped");
    }
    List<Replay.Item> items = new ArrayList<>(tickFile.events().size());
    for (int i = 0; i < tickFile.events().size(); i++) {
      items.add(new Replay.Tick(tickFile.events().get(i), file + " line " + tickFile.lines().get(i)));
    }
    underlyings.add(new String[] {file.toString(), tickFile.underlying().orElse("")});
    return items;
  }

  /** One snapshot at least, and the tick files' spot rows of its underlying. */
  private void checkUnderlyings(List<List<Replay.Item>> inputs) {
    Optional<OptionChain> first =
        inputs.stream()
            .flatMap(List::stream)
            .filter(i -> i instanceof Replay.Snapshot)
            .map(i -> ((Replay.Snapshot) i).chain())
            .min((a, b) -> a.valuationTime().compareTo(b.valuationTime()));
    if (first.isEmpty()) {
      throw new UsageException(
          "live needs an option-chain snapshot among the FILEs to start from; all of " + files
              + " are tick files");
    }
    String underlying = first.get().underlying();
    for (String[] u : underlyings) {
      if (!u[1].isEmpty() && !u[1].equals(underlying)) {
        throw new DataException(
            u[0] + ": spot rows of " + u[1] + ", but the snapshots are of " + underlying
                + " (one underlying per replay)");
      }
    }
  }

  /** The output formats of {@code live}. */
  enum Format {
    JSON,
    TEXT;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** "1 more bad row", "2 more bad rows". */
  private static String rows(long more) {
    return more + (more == 1 ? " more bad row" : " more bad rows");
  }

  private static String describe(ContractDiagnostic d) {
    return d.location() + ": " + d.field() + " '" + d.value() + "': " + d.detail();
  }

  /** The clock of the alert cooldowns: the time of the analysis being evaluated. */
  static final class ReplayClock extends java.time.Clock {
    private volatile Instant now;

    ReplayClock(Instant now) {
      this.now = now;
    }

    void set(Instant value) {
      now = value;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
      return java.time.Clock.fixed(now, zone);
    }
  }
}
