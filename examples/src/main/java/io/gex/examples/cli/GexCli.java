package io.gex.examples.cli;

import io.gex.GexEngine;
import io.gex.examples.WebhookAlertListener;
import io.gex.server.AnalysisJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code gex} command line, built on picocli. Run it as {@code ./gex ...} from the repository (which
 * builds {@code examples/target/gex.jar} when needed) or as {@code java -jar examples/target/gex.jar ...}.
 *
 * <pre>
 * gex analyze FILE [options] [--format text|json|csv]
 * gex report FILE --out DIR [options]
 * gex live FILE... [--every DURATION] [options], gex live --synthetic SYMBOL [--events N] [--seed S]
 * gex serve [FILE...] [--port PORT] [--synthetic SYMBOL] [options]
 * gex sources [--plugins DIR]
 * gex completion            (prints the bash/zsh completion script: source &lt;(./gex completion))
 * gex help [COMMAND], gex --help, gex COMMAND --help, gex --version
 * </pre>
 *
 * <p>{@code analyze} reads an option-chain snapshot (the format is detected from the file's content unless
 * {@code --source} names one), analyses it with a {@link GexEngine} built from the options ({@code
 * --rate}, {@code --dividend-yield}, {@code --expiries}, {@code --convention}, {@code --iv}), evaluates the
 * alert rules found (built-ins and plugins, with the settings of {@code --alerts} and {@code -D}; with no
 * previous snapshot, only the rules that need none can raise) and prints {@link AnalysisText the summary},
 * {@link AnalysisJson the JSON document} or {@link AnalysisCsv the table by strike}. {@code report} writes
 * the PNG charts and {@code index.html} into {@code --out} and prints their paths. {@link LiveCommand live}
 * replays snapshots and tick files (or a synthetic session) and prints one analysis per line (JSON, or
 * the headline levels in columns). {@code --webhook} also
 * posts every raised alert to a URL ({@link WebhookAlertListener}); {@code --plugins DIR} loads every jar
 * of DIR for rules, listeners and sources.
 *
 * <p>Output goes to stdout; errors go to stderr as one line starting with {@code gex: } naming the file
 * (and the row, when the library's message has it) or the option and value (with the stack trace under
 * {@code --debug}); log messages (WARN and above) go to stderr. Exit status: {@value #EXIT_OK} success,
 * {@value #EXIT_FAILED} the data could not be read or analysed (a missing file included), {@value
 * #EXIT_USAGE} bad command line (unknown command or option, missing or bad value, unknown source).
 *
 * <p>An instance is immutable and thread-safe; {@link #run} does not call {@link System#exit}.
 */
public final class GexCli {

  /** Exit status of a successful run. */
  public static final int EXIT_OK = 0;

  /** Exit status when the input cannot be read or analysed (a missing file included). */
  public static final int EXIT_FAILED = 1;

  /** Exit status of a command line that cannot be run as given. */
  public static final int EXIT_USAGE = 2;

  /** The commands, as listed in error messages. */
  static final List<String> COMMANDS = List.of("analyze", "report", "live", "serve", "sources", "completion", "help");

  private final Clock clock;
  private final Properties systemProperties;

  /**
   * A command line whose engines stamp analyses and measure cooldowns with this clock, and which reads
   * {@code gex.alerts.*} settings from the JVM's system properties.
   *
   * @param clock the clock (tests pass a fixed one)
   */
  public GexCli(Clock clock) {
    this(clock, System.getProperties());
  }

  /**
   * A command line reading {@code gex.alerts.*} settings from the given properties instead of the JVM's
   * (tests pass their own).
   *
   * @param clock the clock
   * @param systemProperties the properties to read alert settings from (copied)
   */
  public GexCli(Clock clock, Properties systemProperties) {
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(systemProperties, "systemProperties");
    Properties copy = new Properties();
    for (String key : systemProperties.stringPropertyNames()) {
      copy.setProperty(key, systemProperties.getProperty(key));
    }
    this.systemProperties = copy;
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
   * @param out where the command's output (and help, version and completion script) goes
   * @param err where error lines (and under {@code --debug} stack traces) go
   * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
   */
  public int run(String[] args, PrintStream out, PrintStream err) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = commandLine();
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    cl.setParameterExceptionHandler((e, a) -> usageError(e, errWriter, debug));
    cl.setExecutionExceptionHandler((e, c, parseResult) -> failure(e, errWriter, debug));
    int status = cl.execute(args);
    outWriter.flush();
    errWriter.flush();
    return status;
  }

  /** The command tree: {@code gex} with its subcommands. */
  CommandLine commandLine() {
    Commands.Environment environment = new Commands.Environment(clock, systemProperties);
    CommandLine cl = new CommandLine(new Root());
    cl.addSubcommand(new Commands.Analyze(environment));
    cl.addSubcommand(new Commands.Report(environment));
    cl.addSubcommand(new LiveCommand(environment));
    cl.addSubcommand(new ServeCommand(environment));
    cl.addSubcommand(new Commands.Sources());
    cl.addSubcommand(new TapeCommand());
    cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static int usageError(ParameterException e, PrintWriter err, boolean debug) {
    CommandLine where = e.getCommandLine();
    String command = where.getCommandSpec().qualifiedName();
    String message = String.valueOf(e.getMessage());
    if (e instanceof UnmatchedArgumentException u
        && where.getCommandSpec().name().equals("gex")
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      message = "unknown command '" + u.getUnmatched().get(0) + "'; commands: " + String.join(", ", COMMANDS);
    }
    err.println("gex: " + AnalysisRun.oneLine(message) + " (see " + command + " --help)");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_USAGE;
  }

  private static int failure(Exception e, PrintWriter err, boolean debug) {
    int status = e instanceof UsageException ? EXIT_USAGE : EXIT_FAILED;
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    String hint =
        debug || e instanceof UsageException || e instanceof DataException
            ? ""
            : " (run with --debug for the stack trace)";
    err.println("gex: " + AnalysisRun.oneLine(message) + hint);
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return status;
  }

  @Override
  public String toString() {
    return "GexCli[" + clock + "]";
  }

  /** {@code gex} without a command. */
  @Command(
      name = "gex",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
        "Dealer gamma exposure (GEX) of an option-chain snapshot.",
        "Run 'gex COMMAND --help' for the options of a command; 'source <(gex completion)' adds tab completion."
      },
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {
        "0:success",
        "1:the data cannot be read or analysed (a missing file included)",
        "2:bad command line"
      })
  static final class Root implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new UsageException(
          "no command given; commands: " + String.join(", ", COMMANDS) + " (see gex --help)");
    }
  }

  /** {@code --version}: gex's version (from the build) and the Java runtime's. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gex " + version(), "Java " + Runtime.version()};
    }

    /** The version of this build, from {@code version.properties} written by Maven. */
    static String version() {
      Properties p = new Properties();
      try (InputStream in = GexCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // An unknown version is shown as such.
      }
      return p.getProperty("version", "unknown");
    }
  }
}
