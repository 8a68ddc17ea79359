package io.gex.alerts;

import io.gex.GexAnalysis;
import io.gex.spi.Providers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns analyses into alerts: runs every enabled {@link AlertRule} on an analysis (and the previous analysis
 * of its symbol), suppresses repeats within the cooldown, tells the {@link AlertListener listeners} of the
 * alerts raised and returns an {@link AlertEvaluation}.
 *
 * <pre>{@code
 * try (AlertEngine alerts = AlertEngine.builder()
 *     .settings(AlertSettings.load(Path.of("alerts.properties")))
 *     .listener(myWebhook)
 *     .build()) {
 *   AlertEvaluation result = alerts.evaluate(gexEngine.analyze(chain));
 *   result.raised().forEach(a -> System.out.println(a.severity() + " " + a.message()));
 * }
 * }</pre>
 *
 * <p><b>Rules.</b> The built-in rules ({@link io.gex.alerts.rules}) and any plugin rule are found with
 * {@link java.util.ServiceLoader} through {@link Providers}, after the rules registered on the builder; an
 * explicit rule wins over a discovered one with the same id. Plugins that cannot be loaded and ids given by
 * several rules are listed in {@link #setupProblems()} (and logged at WARN). Rules run one after another in
 * that order.
 *
 * <p><b>Isolation.</b> Each rule runs as a task on the engine's executor and the evaluating thread waits at
 * most {@link AlertSettings#ruleTimeout()} for it; a rule that is late is interrupted, and its alerts are
 * dropped. A rule that throws, returns garbage (null, null alerts, alerts of another rule or symbol, more
 * than {@link AlertSettings#maxAlertsPerRule()}) or runs too long is reported in {@link
 * AlertEvaluation#failures()}; the other rules run as usual. A rule that throws an {@link Error} or an
 * undeclared checked exception is reported like one that throws a runtime exception; only a {@link
 * VirtualMachineError} (out of memory, stack overflow) propagates to the caller.
 *
 * <p>A rule that ignores the interrupt keeps its thread after it was reported {@link
 * AlertFailure.Reason#TIMED_OUT}. Until that run returns the engine does not start the rule again: later
 * evaluations report it {@link AlertFailure.Reason#STUCK} and go on without it, so such a rule holds at most
 * one thread (one per evaluation that gave up on it at the same moment, when several run at once), never one
 * more per evaluation. Its alerts of that run, if it ever returns, are dropped.
 *
 * <p>With a direct executor ({@code Runnable::run}) a rule runs on the evaluating thread and cannot be
 * interrupted: a rule found (by the engine's ticker) to have taken longer than its budget is still reported
 * as timed out and its alerts dropped, but a rule that never returns blocks the caller. The default executor
 * is a cached pool of daemon threads named {@code gex-alert-rule-<engine>-<n>}, owned by the engine (idle
 * threads end after a minute); {@link #close()} shuts it down.
 *
 * <p><b>Listeners and delivery.</b> Each raised alert is told to every listener in turn, on the evaluating
 * thread, after all the rules ran. A listener that throws anything but a {@link VirtualMachineError} is
 * reported in {@link AlertEvaluation#failures()} ({@link AlertFailure.Reason#LISTENER_FAILED}, logged at
 * WARN) and the other listeners are still told. An alert is <i>delivered</i> when every listener took it
 * without throwing (with no listener, every raised alert is delivered): each listener is a channel of its own
 * (a log, a webhook, a pager), and one that missed the alert should get it when it works again, so a failed
 * alert is retried even though the others had it. Listeners may thus be told of an alert again, and should
 * tolerate repeats.
 *
 * <p><b>Previous analysis.</b> {@link #evaluate(GexAnalysis, Optional)} uses the previous analysis given;
 * {@link #evaluate(GexAnalysis)} uses the latest analysis of the symbol remembered by the {@link
 * AlertStateStore}. Both remember the current analysis as the symbol's latest (unless a later one is
 * already remembered). A remembered analysis later than the current one, or one made under another sign
 * convention, is not passed to the rules.
 *
 * <p><b>Cooldown.</b> A delivered alert suppresses alerts of the same rule, symbol and {@link
 * GexAlert#key()} at the same or a lower severity for the rule's {@link RuleSettings#cooldown()}, measured on
 * the engine's {@link Clock} from the evaluation's instant; a higher severity is raised at once (and starts a
 * new cooldown). The cooldown starts only once the alert is delivered: an alert that some listener failed to
 * take ({@link AlertEvaluation#undelivered()}) starts none and is raised again by the next evaluation that
 * finds it. The state lives in the {@link AlertStateStore} (in memory by default): the engine reads a key's
 * {@linkplain AlertStateStore#lastRaised last raise} to decide, and records the raise with {@link
 * AlertStateStore#tryRaise} after delivery. Two evaluations of one symbol at the same moment may therefore
 * both deliver the same alert: a repeat is preferred to a missed alert.
 *
 * <p><b>Closing.</b> {@link #close()} shuts the engine's own pool down (interrupting running rules); an
 * executor given to the builder belongs to the caller and is left alone. Evaluating after closing throws.
 *
 * <p>The engine's configuration is immutable and it is thread-safe; its mutable state (cooldowns, latest
 * analyses) lives in the thread-safe state store.
 */
public interface AlertEngine extends AutoCloseable {

  /**
   * Evaluates an analysis against the latest remembered analysis of its symbol (see the class
   * documentation), then remembers it.
   *
   * @param current the analysis to evaluate
   * @return the alerts raised and suppressed and the failures; never throws because of a rule, listener or
   *     state store, except to pass on a {@link VirtualMachineError}
   * @throws IllegalStateException if the engine is closed
   * @throws NullPointerException if current is null
   */
  AlertEvaluation evaluate(GexAnalysis current);

  /**
   * Evaluates an analysis against the given previous analysis of the same symbol (none if empty), then
   * remembers the current one.
   *
   * @param current the analysis to evaluate
   * @param previous the previous analysis of the same symbol, if any
   * @return the alerts raised and suppressed and the failures; never throws because of a rule, listener or
   *     state store, except to pass on a {@link VirtualMachineError}
   * @throws IllegalArgumentException if previous is of another symbol or has a later valuation time
   * @throws IllegalStateException if the engine is closed
   * @throws NullPointerException if an argument is null
   */
  AlertEvaluation evaluate(GexAnalysis current, Optional<GexAnalysis> previous);

  /**
   * Closes the engine: shuts down its own pool (the default executor), interrupting the rules still running
   * on it; an executor given to {@link Builder#executor} is not touched. A rule that ignores the interrupt
   * keeps its daemon thread until it returns. Idempotent; an evaluation already running finishes, reporting
   * the rules it could no longer start as {@link AlertFailure.Reason#NOT_RUN}.
   */
  @Override
  void close();

  /** Every rule the engine knows, enabled or not, in evaluation order. */
  List<AlertRule> rules();

  /** The ids of the enabled rules, in evaluation order. */
  List<String> activeRuleIds();

  /** The listeners told of raised alerts, in order. */
  List<AlertListener> listeners();

  /**
   * The settings a rule sees.
   *
   * @throws IllegalArgumentException if the engine has no rule with that id
   */
  RuleSettings ruleSettings(String ruleId);

  /** The settings the engine was built with. */
  AlertSettings settings();

  /**
   * What went wrong while the engine was built without stopping it: discovered rules and listeners that
   * could not be loaded ({@link AlertFailure.Reason#LOAD_FAILED}) and ids shared by several ({@link
   * AlertFailure.Reason#DUPLICATE_ID}).
   */
  List<AlertFailure> setupProblems();

  /** A builder with the default settings, discovery on and the logging listener. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AlertEngine}. Not thread-safe; the engine it builds is. */
  final class Builder {
    AlertSettings settings = AlertSettings.DEFAULT;
    final List<AlertRule> rules = new ArrayList<>();
    boolean discoverRules = true;
    final List<AlertListener> listeners = new ArrayList<>();
    boolean discoverListeners = true;
    boolean logAlerts = true;
    @Nullable ClassLoader classLoader;
    AlertStateStore stateStore = AlertStateStore.inMemory();
    Clock clock = Clock.systemUTC();
    @Nullable Executor executor;
    LongSupplier ticker = System::nanoTime;

    Builder() {}

    /** The settings (default {@link AlertSettings#DEFAULT}). */
    public Builder settings(AlertSettings value) {
      settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /** Registers a rule explicitly; it runs before discovered rules and wins over one with the same id. */
    public Builder rule(AlertRule value) {
      rules.add(Objects.requireNonNull(value, "rule"));
      return this;
    }

    /** Whether to discover rules with {@link java.util.ServiceLoader}, built-ins included (default true). */
    public Builder discoverRules(boolean value) {
      discoverRules = value;
      return this;
    }

    /** Registers a listener explicitly; it is told before discovered listeners. */
    public Builder listener(AlertListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /** Whether to discover listeners with {@link java.util.ServiceLoader} (default true). */
    public Builder discoverListeners(boolean value) {
      discoverListeners = value;
      return this;
    }

    /** Whether to add the built-in {@link LoggingAlertListener} first (default true). */
    public Builder logAlerts(boolean value) {
      logAlerts = value;
      return this;
    }

    /**
     * The class loader searched for plugins (default: the thread's context class loader, else the SPI's).
     */
    public Builder classLoader(ClassLoader value) {
      classLoader = Objects.requireNonNull(value, "classLoader");
      return this;
    }

    /** Where cooldowns and latest analyses are kept (default {@link AlertStateStore#inMemory()}). */
    public Builder stateStore(AlertStateStore value) {
      stateStore = Objects.requireNonNull(value, "stateStore");
      return this;
    }

    /** The clock cooldowns are measured on (default the system UTC clock). */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The executor rules run on (default: a cached pool of daemon threads owned by the engine and shut down
     * by {@link AlertEngine#close()}). An executor given here stays the caller's to shut down. With {@code
     * Runnable::run} rules run on the evaluating thread and a slow rule cannot be interrupted (see {@link
     * AlertEngine}).
     */
    public Builder executor(Executor value) {
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** The nanosecond ticker that measures each rule's run time (default {@link System#nanoTime()}). */
    public Builder ticker(LongSupplier value) {
      ticker = Objects.requireNonNull(value, "ticker");
      return this;
    }

    /**
     * Discovers the plugins, checks the settings against the rules and builds the engine.
     *
     * @throws IllegalArgumentException listing every setting that names an unknown rule or parameter or has
     *     a bad value (with key and value), and every explicitly registered rule or listener with an invalid
     *     or shared id
     */
    public AlertEngine build() {
      return DefaultAlertEngine.create(this);
    }
  }
}
