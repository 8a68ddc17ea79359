package io.gex.alerts;

import io.gex.GexAnalysis;
import io.gex.spi.Providers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AlertEngine}: see there for the behaviour. Immutable configuration; thread-safe. */
final class DefaultAlertEngine implements AlertEngine {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

  private final AlertSettings settings;
  private final List<AlertRule> rules;
  private final Map<String, RuleSettings> ruleSettings;
  private final List<AlertRule> active;
  private final List<String> activeIds;
  private final List<AlertListener> listeners;
  private final List<AlertFailure> setupProblems;
  private final AlertStateStore store;
  private final Clock clock;
  private final RuleRunner runner;
  private final @Nullable ExecutorService ownedPool;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DefaultAlertEngine(
      AlertSettings settings,
      List<AlertRule> rules,
      Map<String, RuleSettings> ruleSettings,
      List<AlertListener> listeners,
      List<AlertFailure> setupProblems,
      AlertStateStore store,
      Clock clock,
      RuleRunner runner,
      @Nullable ExecutorService ownedPool) {
    this.settings = settings;
    this.rules = List.copyOf(rules);
    this.ruleSettings = Collections.unmodifiableMap(new LinkedHashMap<>(ruleSettings));
    List<AlertRule> on = new ArrayList<>();
    List<String> onIds = new ArrayList<>();
    for (AlertRule r : rules) {
      RuleSettings s = ruleSettings.get(r.id());
      if (s != null && s.enabled()) {
        on.add(r);
        onIds.add(r.id());
      }
    }
    this.active = List.copyOf(on);
    this.activeIds = List.copyOf(onIds);
    this.listeners = List.copyOf(listeners);
    this.setupProblems = List.copyOf(setupProblems);
    this.store = store;
    this.clock = clock;
    this.runner = runner;
    this.ownedPool = ownedPool;
  }

  static DefaultAlertEngine create(AlertEngine.Builder b) {
    List<AlertFailure> setup = new ArrayList<>();
    List<String> problems = new ArrayList<>();

    checkExplicit(b.rules, AlertRule::id, "rule", problems);
    checkExplicit(b.listeners, AlertListener::id, "listener", problems);

    Providers.Lookup<AlertRule> ruleLookup =
        Providers.lookup(AlertRule.class, AlertRule::id)
            .registerAll(b.rules)
            .serviceLoader(b.discoverRules)
            .severalExpected(true);
    Providers.Lookup<AlertListener> listenerLookup =
        Providers.lookup(AlertListener.class, AlertListener::id)
            .registerAll(b.listeners)
            .serviceLoader(b.discoverListeners)
            .severalExpected(true);
    if (b.classLoader != null) {
      ruleLookup.classLoader(b.classLoader);
      listenerLookup.classLoader(b.classLoader);
    }
    Providers.Report<AlertRule> ruleReport = ruleLookup.discover();
    Providers.Report<AlertListener> listenerReport = listenerLookup.discover();
    report(ruleReport, setup);
    report(listenerReport, setup);

    List<AlertRule> rules = new ArrayList<>();
    for (AlertRule r : ruleReport.providers()) {
      String id = r.id();
      if (AlertSettings.isValidRuleId(id)) {
        rules.add(r);
      } else {
        String message =
            "rule id '" + id + "' of " + r.getClass().getName() + " is not a valid id; rule left out";
        if (b.rules.contains(r)) {
          problems.add(message);
        } else {
          setup.add(new AlertFailure(r.getClass().getName(), AlertFailure.Reason.LOAD_FAILED, message, Optional.empty()));
          LOG.warn(message);
        }
      }
    }

    Map<String, RuleSettings> ruleSettings = new LinkedHashMap<>();
    Set<String> known = new HashSet<>();
    for (AlertRule r : rules) {
      String id = r.id();
      known.add(id);
      try {
        ruleSettings.put(
            id,
            RuleSettings.resolve(
                r,
                id,
                b.settings.isEnabled(id),
                b.settings.cooldownOf(id),
                b.settings.values(id),
                problems));
      } catch (Throwable e) {
        Failures.rethrowIfFatal(e);
        problems.add("rule '" + id + "' has a broken parameter declaration: " + e);
      }
    }
    for (String id : b.settings.configuredRuleIds()) {
      if (!known.contains(id)) {
        problems.add(
            AlertSettings.PREFIX
                + id
                + ".*: no rule with id '"
                + id
                + "' is registered or discovered; the rules are "
                + ruleIds(rules));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid alert settings: " + String.join("; ", problems));
    }

    List<AlertListener> listeners = new ArrayList<>();
    if (b.logAlerts) {
      listeners.add(new LoggingAlertListener());
    }
    listeners.addAll(listenerReport.providers());

    ExecutorService ownedPool = b.executor == null ? RuleRunner.newPool() : null;
    Executor executor = ownedPool != null ? ownedPool : Objects.requireNonNull(b.executor);
    RuleRunner runner =
        new RuleRunner(executor, b.ticker, b.settings.ruleTimeout().toNanos(), b.settings.maxAlertsPerRule());
    if (rules.isEmpty()) {
      LOG.warn(
          "No alert rules: none registered{}; the engine raises no alert",
          b.discoverRules ? " and none discovered" : " and discovery is off");
    }
    DefaultAlertEngine engine =
        new DefaultAlertEngine(
            b.settings, rules, ruleSettings, listeners, setup, b.stateStore, b.clock, runner, ownedPool);
    LOG.debug("Alert engine: rules {}, enabled {}, listeners {}", ruleIds(rules), engine.activeIds, listeners);
    return engine;
  }

  private static <T> void checkExplicit(
      List<T> explicit, java.util.function.Function<T, String> id, String what, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (T t : explicit) {
      String i;
      try {
        i = id.apply(t);
      } catch (Throwable e) {
        Failures.rethrowIfFatal(e);
        problems.add("the " + what + " " + t.getClass().getName() + " registered explicitly has no readable id: " + e);
        continue;
      }
      if (!seen.add(i)) {
        problems.add("two " + what + "s registered explicitly share the id '" + i + "'");
      }
    }
  }

  private static <S> void report(Providers.Report<S> report, List<AlertFailure> setup) {
    for (Providers.Failure f : report.failures()) {
      setup.add(new AlertFailure(f.provider(), AlertFailure.Reason.LOAD_FAILED, f.message(), f.cause()));
    }
    report
        .duplicates()
        .forEach(
            (id, classes) ->
                setup.add(
                    new AlertFailure(
                        id,
                        AlertFailure.Reason.DUPLICATE_ID,
                        "several " + report.spi().getSimpleName() + "s have the id '" + id + "': " + classes
                            + "; the first is used",
                        Optional.empty())));
  }

  private static List<String> ruleIds(List<AlertRule> rules) {
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.id()));
    return ids;
  }

  @Override
  public AlertEvaluation evaluate(GexAnalysis current) {
    Objects.requireNonNull(current, "current");
    checkOpen();
    List<AlertFailure> failures = new ArrayList<>();
    Optional<GexAnalysis> previous;
    try {
      previous = store.latestAnalysis(current.symbol());
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failures.add(storeFailure("reading the latest analysis of " + current.symbol(), t, null));
      previous = Optional.empty();
    }
    if (previous.isPresent() && previous.get().valuationTime().isAfter(current.valuationTime())) {
      LOG.debug(
          "The remembered analysis of {} at {} is later than the one evaluated ({}); no previous used",
          current.symbol(),
          previous.get().valuationTime(),
          current.valuationTime());
      previous = Optional.empty();
    }
    return run(current, previous, failures);
  }

  @Override
  public AlertEvaluation evaluate(GexAnalysis current, Optional<GexAnalysis> previous) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(previous, "previous");
    checkOpen();
    if (previous.isPresent()) {
      GexAnalysis p = previous.get();
      if (!p.symbol().equals(current.symbol())) {
        throw new IllegalArgumentException(
            "previous must be of the same symbol " + current.symbol() + ", was " + p.symbol());
      }
      if (p.valuationTime().isAfter(current.valuationTime())) {
        throw new IllegalArgumentException(
            "previous must not be later than current ("
                + current.valuationTime()
                + "), was "
                + p.valuationTime());
      }
    }
    return run(current, previous, new ArrayList<>());
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the alert engine is closed; build a new one to evaluate");
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (ownedPool != null) {
        ownedPool.shutdownNow();
      }
      LOG.debug("Alert engine closed: {}", this);
    }
  }

  private AlertEvaluation run(
      GexAnalysis current, Optional<GexAnalysis> given, List<AlertFailure> failures) {
    Optional<GexAnalysis> previous = given;
    if (previous.isPresent()
        && previous.get().settings().signConvention() != current.settings().signConvention()) {
      LOG.debug("The previous analysis of {} used another sign convention; not passed to rules", current.symbol());
      previous = Optional.empty();
    }
    Instant now = clock.instant();
    List<String> ran = new ArrayList<>();
    List<GexAlert> raised = new ArrayList<>();
    List<GexAlert> suppressed = new ArrayList<>();
    // raises decided in this evaluation, not yet recorded: a repeat of a key within one evaluation
    Map<AlertKey, AlertState> pending = new HashMap<>();
    boolean interrupted = false;
    for (int r = 0; r < active.size(); r++) {
      AlertRule rule = active.get(r);
      String id = activeIds.get(r);
      RuleSettings s = Objects.requireNonNull(ruleSettings.get(id), id);
      if (interrupted || Thread.currentThread().isInterrupted()) {
        interrupted = true;
        failures.add(
            Failures.failure(
                id, AlertFailure.Reason.NOT_RUN, "not run: the evaluating thread was interrupted", null));
        continue;
      }
      ran.add(id);
      for (GexAlert alert : runner.run(rule, id, s, current, previous, failures)) {
        AlertKey key = alert.alertKey();
        if (isSuppressed(alert, pending.get(key), now, failures)) {
          suppressed.add(alert);
        } else {
          raised.add(alert);
          pending.put(key, AlertState.raised(alert.severity(), now, s.cooldown()));
        }
      }
    }
    try {
      store.rememberAnalysis(current);
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failures.add(storeFailure("remembering the analysis of " + current.symbol(), t, null));
    }
    for (GexAlert alert : raised) {
      if (deliver(alert, failures)) {
        record(alert, now, failures);
      }
    }
    return new AlertEvaluation(
        current.symbol(),
        current.valuationTime(),
        now,
        previous.map(GexAnalysis::valuationTime),
        ran,
        raised,
        suppressed,
        failures);
  }

  /**
   * Whether an alert is suppressed by the cooldown of its key: by a raise earlier in this evaluation, else
   * by the last raise the store recorded. Changes nothing; a store that fails lets the alert through.
   */
  private boolean isSuppressed(
      GexAlert alert, @Nullable AlertState pending, Instant now, List<AlertFailure> failures) {
    if (pending != null) {
      return pending.suppresses(alert.severity(), now);
    }
    try {
      Optional<AlertState> last = store.lastRaised(alert.alertKey());
      return last.isPresent() && last.get().suppresses(alert.severity(), now);
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failures.add(storeFailure("reading the cooldown of " + alert.alertKey() + " (alert raised)", t, alert));
      return false;
    }
  }

  /**
   * Tells every listener of an alert; whether it was delivered, that is every listener took it without
   * throwing. A listener that throws is reported and the others are still told.
   */
  private boolean deliver(GexAlert alert, List<AlertFailure> failures) {
    boolean delivered = true;
    for (AlertListener listener : listeners) {
      try {
        listener.onAlert(alert);
      } catch (Throwable t) {
        Failures.rethrowIfFatal(t);
        delivered = false;
        failures.add(
            Failures.failure(
                listenerId(listener),
                AlertFailure.Reason.LISTENER_FAILED,
                "listener threw on alert "
                    + alert.alertKey()
                    + ": "
                    + t
                    + "; not delivered, so its cooldown is not started and the next evaluation raises it again",
                t,
                alert));
      }
    }
    return delivered;
  }

  /** Starts the cooldown of a delivered alert. */
  private void record(GexAlert alert, Instant now, List<AlertFailure> failures) {
    RuleSettings s = Objects.requireNonNull(ruleSettings.get(alert.ruleId()), alert.ruleId());
    try {
      // false only if a concurrent evaluation recorded a raise of the key meanwhile: its state stands
      store.tryRaise(alert.alertKey(), alert.severity(), now, s.cooldown());
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failures.add(
          storeFailure(
              "recording the raise of " + alert.alertKey() + " (alert delivered; it may be raised again)", t, alert));
    }
  }

  private AlertFailure storeFailure(String what, Throwable t, @Nullable GexAlert alert) {
    return Failures.failure(
        store.getClass().getName(),
        AlertFailure.Reason.STATE_STORE_FAILED,
        "state store failed " + what + ": " + t,
        t,
        alert);
  }

  private static String listenerId(AlertListener listener) {
    try {
      return listener.id();
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      return listener.getClass().getName();
    }
  }

  @Override
  public List<AlertRule> rules() {
    return rules;
  }

  @Override
  public List<String> activeRuleIds() {
    return activeIds;
  }

  @Override
  public List<AlertListener> listeners() {
    return listeners;
  }

  @Override
  public RuleSettings ruleSettings(String ruleId) {
    RuleSettings s = ruleSettings.get(Objects.requireNonNull(ruleId, "ruleId"));
    if (s == null) {
      throw new IllegalArgumentException("no rule with id '" + ruleId + "'; the rules are " + ruleSettings.keySet());
    }
    return s;
  }

  @Override
  public AlertSettings settings() {
    return settings;
  }

  @Override
  public List<AlertFailure> setupProblems() {
    return setupProblems;
  }

  @Override
  public String toString() {
    return "AlertEngine[rules="
        + activeIds
        + ", listeners="
        + listeners.size()
        + ", store="
        + store
        + (closed.get() ? ", closed" : "")
        + "]";
  }
}
