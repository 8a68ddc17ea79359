package io.gex.alerts;

/**
 * Told of every alert the {@link AlertEngine} raises (not of suppressed ones): a plugin that forwards
 * alerts to a log, a chat channel, a webhook or a pager.
 *
 * <p>Listeners are found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.gex.alerts.AlertListener}
 * or {@code provides io.gex.alerts.AlertListener with ...}) and can be registered on the engine's builder;
 * {@link LoggingAlertListener} is built in. The engine calls {@link #onAlert} on the evaluating thread,
 * after the cooldown check, once per raised alert and listener: a listener that does I/O should hand the
 * alert to its own executor and return.
 *
 * <p>Returning normally means "taken". A listener that throws (anything but a {@link VirtualMachineError},
 * which propagates) is logged at WARN and reported in {@link AlertEvaluation#failures()}; the other
 * listeners are still told. The alert then counts as not delivered: its cooldown does not start, and the
 * next evaluation that finds it raises it again and tells every listener again. So a listener may be told
 * of the same alert more than once (also when two evaluations of one symbol run at once) and should
 * tolerate repeats. Listeners must be thread-safe.
 */
@FunctionalInterface
public interface AlertListener {

  /** Called once for each raised alert. */
  void onAlert(GexAlert alert);

  /** The listener's id, for reports and duplicates; default the class name. */
  default String id() {
    return getClass().getName();
  }
}
