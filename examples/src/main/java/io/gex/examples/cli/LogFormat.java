package io.gex.examples.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The format of the command line's log lines on stderr: {@code text} ({@code LEVEL Logger - message}, the
 * {@code logback.xml} of this module) or {@code json}, one JSON object per line written by logback's own
 * {@link JsonEncoder}: {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code
 * loggerName}, {@code mdc} (the request's {@code http.method} and {@code http.path} for lines logged while
 * the server handles a request), {@code kvpList}, {@code formattedMessage} and {@code throwable}. Neither
 * format adds anything that is not in the message: the server never logs API keys (it keeps their hashes)
 * nor passwords (configurations print them masked), and the raw arguments are left out of the JSON.
 *
 * <p>Not thread-safe: called once, before the command logs anything.
 */
final class LogFormat {

  /** The environment variable read when {@code --log-format} is not given: {@value}. */
  static final String ENV = "GEX_LOG_FORMAT";

  private LogFormat() {}

  /**
   * Switches the console appender of the root logger to a format.
   *
   * @param format {@code text} or {@code json}, any case; null is {@code text}
   * @throws UsageException naming the value if it is neither
   */
  static void apply(@Nullable String format) {
    String f = format == null || format.isBlank() ? "text" : format.strip().toLowerCase(Locale.ROOT);
    if (!f.equals("text") && !f.equals("json")) {
      throw new UsageException("--log-format (or " + ENV + ") must be text or json, was '" + format + "'");
    }
    if (f.equals("text")) {
      return; // logback.xml's pattern
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException("JSON logs need logback; the SLF4J backend is " + factory.getClass().getName());
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithContext(false);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithArguments(false);
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        json.start();
        console.stop();
        console.setEncoder(json);
        console.start();
      }
    }
  }
}
