package io.gex.alerts;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the engine reports what went wrong around user code (rules, listeners, the state store). */
final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

  private Failures() {}

  /**
   * Rethrows what no caller can recover from (out of memory, stack overflow, an internal JVM error); any
   * other throwable from user code is reported instead.
   */
  static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }

  /** A failure, logged at WARN with its cause. */
  static AlertFailure failure(
      String source, AlertFailure.Reason reason, String message, @Nullable Throwable cause) {
    return failure(source, reason, message, cause, null);
  }

  /** A failure concerning one alert, logged at WARN with its cause. */
  static AlertFailure failure(
      String source,
      AlertFailure.Reason reason,
      String message,
      @Nullable Throwable cause,
      @Nullable GexAlert alert) {
    if (cause != null) {
      LOG.warn("Alert {} {}: {}", source, reason, message, cause);
    } else {
      LOG.warn("Alert {} {}: {}", source, reason, message);
    }
    return new AlertFailure(source, reason, message, Optional.ofNullable(cause), Optional.ofNullable(alert));
  }
}
