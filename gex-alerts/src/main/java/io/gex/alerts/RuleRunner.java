package io.gex.alerts;

import static io.gex.alerts.Failures.failure;

import io.gex.GexAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one rule within its time budget on the engine's executor and checks what it returns (see {@link
 * AlertEngine}, "Isolation"). A run that is given up (late, or the caller was interrupted) is interrupted
 * and remembered until it returns; while one is, the rule is not started again but reported {@link
 * AlertFailure.Reason#STUCK}, so a rule that ignores interrupts holds at most one thread per evaluation
 * that gave up on it at the same time, never one more per evaluation. Thread-safe.
 */
final class RuleRunner {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Executor executor;
  private final LongSupplier ticker;
  private final long timeoutNanos;
  private final int maxAlerts;

  /** Per rule id, its given-up runs that have not returned yet. A rule's set is never removed. */
  private final ConcurrentMap<String, Set<Run>> givenUp = new ConcurrentHashMap<>();

  RuleRunner(Executor executor, LongSupplier ticker, long timeoutNanos, int maxAlerts) {
    this.executor = executor;
    this.ticker = ticker;
    this.timeoutNanos = timeoutNanos;
    this.maxAlerts = maxAlerts;
  }

  /**
   * The engine's own pool: a cached pool of daemon threads named {@code gex-alert-rule-<pool>-<thread>}
   * (idle threads end after a minute).
   */
  static ExecutorService newPool() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "gex-alert-rule-" + pool + "-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return Executors.newCachedThreadPool(factory);
  }

  /** One run of a rule: the task, when it was started, and whether it has returned. */
  private final class Run implements Runnable {
    final String id;
    final FutureTask<List<GexAlert>> task;
    final long start;
    volatile boolean started;
    volatile boolean returned;

    Run(String id, FutureTask<List<GexAlert>> task, long start) {
      this.id = id;
      this.task = task;
      this.start = start;
    }

    @Override
    public void run() {
      started = true;
      try {
        task.run();
      } finally {
        returned = true;
        Set<Run> runs = givenUp.get(id);
        if (runs != null) {
          runs.remove(this);
        }
      }
    }
  }

  /** Runs one rule; returns its valid alerts, or none after adding a failure. */
  List<GexAlert> run(
      AlertRule rule,
      String id,
      RuleSettings settings,
      GexAnalysis current,
      Optional<GexAnalysis> previous,
      List<AlertFailure> failures) {
    Run stuck = stuckRun(id);
    if (stuck != null) {
      failures.add(
          failure(
              id,
              AlertFailure.Reason.STUCK,
              "not run: an earlier run, submitted "
                  + millis(ticker.getAsLong() - stuck.start)
                  + " ms ago, overran its budget of "
                  + millis(timeoutNanos)
                  + (stuck.started
                      ? " ms and has not returned though interrupted"
                      : " ms before the executor started it, and the executor has not run it yet")
                  + "; the rule gets no other thread until it does",
              null));
      return List.of();
    }
    Run run = new Run(id, new FutureTask<>(() -> rule.evaluate(current, previous, settings)), ticker.getAsLong());
    try {
      executor.execute(run);
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failures.add(failure(id, AlertFailure.Reason.NOT_RUN, "the executor rejected the rule: " + t, t));
      return List.of();
    }
    List<GexAlert> result;
    try {
      result = run.task.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      giveUp(run);
      failures.add(
          failure(
              id,
              AlertFailure.Reason.TIMED_OUT,
              "did not finish within its budget of " + millis(timeoutNanos) + " ms; interrupted and its alerts dropped",
              null));
      return List.of();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      Failures.rethrowIfFatal(cause);
      failures.add(failure(id, AlertFailure.Reason.THREW, "threw " + cause, cause));
      return List.of();
    } catch (CancellationException e) {
      failures.add(failure(id, AlertFailure.Reason.NOT_RUN, "its task was cancelled", e));
      return List.of();
    } catch (InterruptedException e) {
      giveUp(run);
      Thread.currentThread().interrupt();
      failures.add(
          failure(id, AlertFailure.Reason.NOT_RUN, "the evaluating thread was interrupted while it ran", e));
      return List.of();
    }
    long elapsed = ticker.getAsLong() - run.start;
    if (elapsed > timeoutNanos) {
      failures.add(
          failure(
              id,
              AlertFailure.Reason.TIMED_OUT,
              "took " + millis(elapsed) + " ms, over its budget of " + millis(timeoutNanos) + " ms; its alerts are dropped",
              null));
      return List.of();
    }
    List<GexAlert> alerts = new ArrayList<>();
    String problem = problemWith(result, id, current.symbol(), alerts);
    if (problem != null) {
      failures.add(failure(id, AlertFailure.Reason.INVALID_RESULT, problem + "; all its alerts are dropped", null));
      return List.of();
    }
    return alerts;
  }

  /** A given-up run of the rule that has not returned, if there is one. */
  private @Nullable Run stuckRun(String id) {
    Set<Run> runs = givenUp.get(id);
    if (runs != null) {
      for (Run r : runs) {
        return r;
      }
    }
    return null;
  }

  /** Interrupts a run and, unless it has returned, remembers it until it does. */
  private void giveUp(Run run) {
    run.task.cancel(true);
    if (!run.returned) {
      Set<Run> runs = givenUp.computeIfAbsent(run.id, k -> ConcurrentHashMap.newKeySet());
      runs.add(run);
      if (run.returned) { // it returned between the two checks: Run.run may have missed it in the set
        runs.remove(run);
      }
    }
  }

  /** What is wrong with a rule's result, or null after copying its alerts into {@code out}. */
  private @Nullable String problemWith(
      @Nullable List<GexAlert> result, String id, String symbol, List<GexAlert> out) {
    if (result == null) {
      return "returned null instead of a list";
    }
    try {
      out.addAll(result); // reads the rule's list once: it is user code too
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      return "returned a list that cannot be read: " + t;
    }
    if (out.size() > maxAlerts) {
      return "returned " + out.size() + " alerts, more than the " + maxAlerts + " allowed";
    }
    for (int i = 0; i < out.size(); i++) {
      GexAlert a = out.get(i);
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

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
