package io.gex.examples.cli;

import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertFailure;
import io.gex.examples.WebhookAlertListener;
import io.gex.server.GexServer;
import io.gex.spi.ChainSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gex serve}: the GEX service ({@link GexServer}) with its dashboard, fed by snapshot files (the
 * bundled {@code data/} snapshots when none are given) or by a synthetic session, until Ctrl-C. Prints the
 * URL and what it serves, then runs; {@code GEX_API_KEYS}, {@code GEX_RATE_LIMIT}, {@code
 * GEX_CORS_ORIGINS}, {@code GEX_PG_URL} and {@code GEX_REDIS_URL} configure it.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = GexCli.Version.class,
    sortOptions = false,
    description = {
      "Serve the GEX API (/api/v1), the live dashboard (/), /metrics and /health until Ctrl-C.",
      "Fed by FILEs (default: the bundled data/ snapshots) or a synthetic session (--synthetic).",
      "Environment: GEX_API_KEYS (comma-separated; without keys it listens on 127.0.0.1 only),"
          + " GEX_RATE_LIMIT (requests/s per key), GEX_CORS_ORIGINS, GEX_PG_URL, GEX_REDIS_URL."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C)",
      "1:a FILE cannot be read or analysed, or the port cannot be bound",
      "2:bad command line"
    })
final class ServeCommand implements Callable<Integer> {

  private final Commands.Environment environment;

  @Spec @Nullable CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "snapshots to replay at start (any format analyze reads); default: data/*.csv|json")
  List<Path> files = new ArrayList<>();

  @Option(names = "--port", paramLabel = "PORT", description = "the port (default ${DEFAULT-VALUE}; 0 takes a free one)")
  int port = 8080;

  @Option(
      names = "--synthetic",
      paramLabel = "SYMBOL",
      description = "feed a seeded synthetic session of SYMBOL (such as SPX) instead of the bundled snapshots")
  @Nullable String synthetic;

  @Option(names = "--events", paramLabel = "N", description = "--synthetic: how many events (default ${DEFAULT-VALUE})")
  int events = 1000;

  @Option(names = "--seed", paramLabel = "S", description = "--synthetic: the seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description = "--synthetic: seconds of session per second (default ${DEFAULT-VALUE}: the session in under 7 minutes)")
  double speed = 60;

  @Option(
      names = "--start",
      paramLabel = "ISO-8601",
      converter = Converters.Time.class,
      description = "--synthetic: the session's start (default " + LiveCommand.DEFAULT_START + ")")
  @Nullable Instant start;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description = "text (default) or json: one JSON object per log line on stderr (default: GEX_LOG_FORMAT, else text)")
  @Nullable String logFormat;

  /** For tests: print the banner and stop instead of serving until Ctrl-C. */
  @Option(names = "--exit-after-start", hidden = true)
  boolean exitAfterStart;

  @Mixin CommonOptions options = new CommonOptions();

  ServeCommand(Commands.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LogFormat.apply(logFormat != null ? logFormat : System.getenv(LogFormat.ENV));
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be 0 to 65535, was " + port);
    }
    if (events < 1) {
      throw new UsageException("--events must be >= 1, was " + events);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new UsageException("--speed must be > 0, was " + speed);
    }
    List<Path> inputs = new ArrayList<>(files);
    for (Path f : inputs) {
      AnalysisRun.checkFile(f);
    }
    if (inputs.isEmpty() && synthetic == null) {
      inputs.addAll(bundledSnapshots());
    }
    GexEngine engine = options.engine(environment.clock());
    GexServer.Builder builder;
    try {
      builder = GexServer.builder().environment(System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    try (Plugins plugins = options.plugins == null ? Plugins.none() : Plugins.load(options.plugins)) {
      ChainSources sources = AnalysisRun.sources(plugins);
      sources.report().failures().forEach(f -> err.println("gex: warning: plugin not loaded: " + f));
      URI url = options.webhook;
      WebhookAlertListener webhook = url == null ? null : new WebhookAlertListener(url, Duration.ofSeconds(10));
      AlertEngine alerts =
          AlertSetup.engine(options, environment.systemProperties(), plugins, webhook, java.time.Clock.systemUTC());
      for (AlertFailure f : alerts.setupProblems()) {
        err.println("gex: warning: " + AnalysisRun.oneLine(String.valueOf(f)));
      }
      builder.port(port).engine(engine).alertEngine(alerts).sources(sources).files(inputs);
      if (synthetic != null) {
        builder
            .synthetic(synthetic.strip().toUpperCase(Locale.ROOT))
            .syntheticSession(events, seed, start != null ? start : Instant.parse(LiveCommand.DEFAULT_START))
            .speed(speed);
      }
      GexServer server = builder.build();
      try {
        server.start();
      } catch (RuntimeException e) {
        throw new DataException("cannot serve: " + AnalysisRun.oneLine(String.valueOf(e.getMessage())), e);
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                server.close();
                stopped.countDown();
              },
              "gex-serve-shutdown");
      out.println("gex serve: " + server.url() + "/");
      for (String line : server.describe()) {
        out.println("  " + line);
      }
      out.println(exitAfterStart ? "Stopping (--exit-after-start)." : "Ctrl-C stops it.");
      out.flush();
      if (exitAfterStart) {
        server.close();
        return GexCli.EXIT_OK;
      }
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
    }
    return GexCli.EXIT_OK;
  }

  /** The bundled snapshots: data/ of the repository the jar was built in, else of the working directory. */
  static List<Path> bundledSnapshots() {
    List<Path> candidates = new ArrayList<>();
    try {
      URI jar = ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      // examples/target/gex.jar (or examples/target/classes) -> the repository's data/
      Path root = Path.of(jar).toAbsolutePath().resolve("../../..").normalize();
      candidates.add(root.resolve("data"));
    } catch (URISyntaxException | RuntimeException e) {
      // no code source: only the working directory
    }
    candidates.add(Path.of("data"));
    for (Path dir : candidates) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          List<Path> found =
              s.filter(p -> p.getFileName().toString().matches("(?i).+\\.(csv|json)(\\.gz)?"))
                  .sorted()
                  .toList();
          if (!found.isEmpty()) {
            return found;
          }
        } catch (IOException e) {
          // try the next place
        }
      }
    }
    return List.of();
  }
}
