package io.gex.alerts;

import io.gex.GexAnalysis;
import io.gex.spi.Providers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
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
  private final Executor executor;
  private final LongSupplier ticker;
  private final long timeoutNanos;

  private DefaultAlertEngine(
      AlertSettings settings,
      List<AlertRule> rules,
      Map<String, RuleSettings> ruleSettings,
      List<AlertListener> listeners,
      List<AlertFailure> setupProblems,
      AlertStateStore store,
      Clock clock,
      Executor executor,
      LongSupplier ticker) {
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
    this.executor = executor;
    this.ticker = ticker;
    this.timeoutNanos = settings.ruleTimeout().toNanos();
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
      } catch (RuntimeException e) {
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

    Executor executor = b.executor != null ? b.executor : defaultExecutor();
    if (rules.isEmpty()) {
      LOG.warn(
          "No alert rules: none registered{}; the engine raises no alert",
          b.discoverRules ? " and none discovered" : " and discovery is off");
    }
    DefaultAlertEngine engine =
        new DefaultAlertEngine(
            b.settings, rules, ruleSettings, listeners, setup, b.stateStore, b.clock, executor, b.ticker);
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
      } catch (RuntimeException e) {
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

  private static Executor defaultExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "gex-alert-rule-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return Executors.newCachedThreadPool(factory);
  }

  @Override
  public AlertEvaluation evaluate(GexAnalysis current) {
    Objects.requireNonNull(current, "current");
    List<AlertFailure> failures = new ArrayList<>();
    Optional<GexAnalysis> previous;
    try {
      previous = store.latestAnalysis(current.symbol());
    } catch (RuntimeException e) {
      failures.add(storeFailure("reading the latest analysis of " + current.symbol(), e));
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
    boolean interrupted = false;
    for (int r = 0; r < active.size(); r++) {
      AlertRule rule = active.get(r);
      String id = activeIds.get(r);
      RuleSettings s = Objects.requireNonNull(ruleSettings.get(id), id);
      if (interrupted || Thread.currentThread().isInterrupted()) {
        interrupted = true;
        failures.add(
            failure(id, AlertFailure.Reason.NOT_RUN, "not run: the evaluating thread was interrupted", null));
        continue;
      }
      ran.add(id);
      List<GexAlert> alerts = runRule(rule, id, s, current, previous, failures);
      for (GexAlert alert : alerts) {
        boolean raise;
        try {
          raise = store.tryRaise(alert.alertKey(), alert.severity(), now, s.cooldown());
        } catch (RuntimeException e) {
          failures.add(storeFailure("checking the cooldown of " + alert.alertKey() + " (alert raised)", e));
          raise = true;
        }
        (raise ? raised : suppressed).add(alert);
      }
    }
    try {
      store.rememberAnalysis(current);
    } catch (RuntimeException e) {
      failures.add(storeFailure("remembering the analysis of " + current.symbol(), e));
    }
    for (GexAlert alert : raised) {
      for (AlertListener listener : listeners) {
        try {
          listener.onAlert(alert);
        } catch (RuntimeException e) {
          String lid = listenerId(listener);
          failures.add(
              failure(
                  lid,
                  AlertFailure.Reason.LISTENER_FAILED,
                  "listener threw on alert " + alert.alertKey() + ": " + e,
                  e));
        }
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

  /** Runs one rule within its budget; returns its valid alerts, or none after adding a failure. */
  private List<GexAlert> runRule(
      AlertRule rule,
      String id,
      RuleSettings s,
      GexAnalysis current,
      Optional<GexAnalysis> previous,
      List<AlertFailure> failures) {
    FutureTask<List<GexAlert>> task = new FutureTask<>(() -> rule.evaluate(current, previous, s));
    long start = ticker.getAsLong();
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      failures.add(failure(id, AlertFailure.Reason.NOT_RUN, "the executor rejected the rule: " + e, e));
      return List.of();
    }
    List<GexAlert> result;
    try {
      result = task.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      failures.add(
          failure(
              id,
              AlertFailure.Reason.TIMED_OUT,
              "did not finish within its budget of "
                  + millis(timeoutNanos)
                  + " ms; interrupted and its alerts dropped",
              null));
      return List.of();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      failures.add(failure(id, AlertFailure.Reason.THREW, "threw " + cause, cause));
      return List.of();
    } catch (CancellationException e) {
      failures.add(failure(id, AlertFailure.Reason.NOT_RUN, "its task was cancelled", e));
      return List.of();
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      failures.add(
          failure(id, AlertFailure.Reason.NOT_RUN, "the evaluating thread was interrupted while it ran", e));
      return List.of();
    }
    long elapsed = ticker.getAsLong() - start;
    if (elapsed > timeoutNanos) {
      failures.add(
          failure(
              id,
              AlertFailure.Reason.TIMED_OUT,
              "took "
                  + millis(elapsed)
                  + " ms, over its budget of "
                  + millis(timeoutNanos)
                  + " ms; its alerts are dropped",
              null));
      return List.of();
    }
    String problem = problemWith(result, id, current.symbol());
    if (problem != null) {
      failures.add(failure(id, AlertFailure.Reason.INVALID_RESULT, problem + "; all its alerts are dropped", null));
      return List.of();
    }
    return List.copyOf(result);
  }

  private @Nullable String problemWith(@Nullable List<GexAlert> result, String id, String symbol) {
    if (result == null) {
      return "returned null instead of a list";
    }
    List<GexAlert> copy;
    try {
      copy = new ArrayList<>(result);
    } catch (RuntimeException e) {
      return "returned a list that cannot be read: " + e;
    }
    if (copy.size() > settings.maxAlertsPerRule()) {
      return "returned " + copy.size() + " alerts, more than the " + settings.maxAlertsPerRule() + " allowed";
    }
    for (int i = 0; i < copy.size(); i++) {
      GexAlert a = copy.get(i);
      if (a == null) {
        return "returned a null alert at index " + i;
      }
      if (!a.ruleId().equals(id)) {
        return "returned an alert at index " + i + " with ruleId '" + a.ruleId() + "', not its own id '" + id + "'";
      }
      if (!a.symbol().equals(symbol)) {
        return "returned an alert at index " + i + " about symbol " + a.symbol() + ", not " + symbol;
      }
    }
    return null;
  }

  private static AlertFailure failure(
      String source, AlertFailure.Reason reason, String message, @Nullable Throwable cause) {
    if (cause != null) {
      LOG.warn("Alert {} {}: {}", source, reason, message, cause);
    } else {
      LOG.warn("Alert {} {}: {}", source, reason, message);
    }
    return new AlertFailure(source, reason, message, Optional.ofNullable(cause));
  }

  private AlertFailure storeFailure(String what, RuntimeException e) {
    return failure(
        store.getClass().getName(), AlertFailure.Reason.STATE_STORE_FAILED, "state store failed " + what + ": " + e, e);
  }

  private static String listenerId(AlertListener listener) {
    try {
      return listener.id();
    } catch (RuntimeException e) {
      return listener.getClass().getName();
    }
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
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
    return "AlertEngine[rules=" + activeIds + ", listeners=" + listeners.size() + ", store=" + store + "]";
  }
}
