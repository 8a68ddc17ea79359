package io.gex.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link AlertListener}: logs each raised alert through SLF4J on the logger {@code
 * io.gex.alerts.LoggingAlertListener}, at INFO for {@code INFO} and {@code LOW}, WARN for {@code MEDIUM}
 * and {@code HIGH}, ERROR for {@code CRITICAL}. The engine adds it unless told not to ({@link
 * AlertEngine.Builder#logAlerts(boolean)}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LoggingAlertListener implements AlertListener {

  /** The listener's id. */
  public static final String ID = "log";

  private static final Logger LOG = LoggerFactory.getLogger(LoggingAlertListener.class);

  /** Creates the listener. */
  public LoggingAlertListener() {}

  @Override
  public void onAlert(GexAlert alert) {
    String format = "{} {} {} [{}]: {}";
    Object[] args = {alert.severity(), alert.symbol(), alert.type(), alert.key(), alert.message()};
    switch (alert.severity()) {
      case INFO, LOW -> LOG.info(format, args);
      case MEDIUM, HIGH -> LOG.warn(format, args);
      case CRITICAL -> LOG.error(format, args);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String toString() {
    return "LoggingAlertListener";
  }
}
