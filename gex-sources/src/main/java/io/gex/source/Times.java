package io.gex.source;

import io.gex.chain.OptionChain;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time stamps as the sources write them. US option markets keep New York time. */
final class Times {

  /** The time zone of CBOE's time stamps. */
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static final Pattern CBOE_DATE =
      Pattern.compile(
          "\\s*Date:\\s*([A-Za-z]+\\s+\\d{1,2},\\s*\\d{4})\\s+at\\s+(\\d{1,2}:\\d{2})\\s*([AaPp][Mm])(?:\\s+[A-Za-z]{2,5})?\\s*");

  private static final DateTimeFormatter CBOE_DAY =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter CBOE_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

  private Times() {}

  /**
   * Parses CBOE's quote-table line {@code Date: December 12, 2022 at 8:30 PM EST} as New York time (the
   * zone abbreviation is ignored: America/New_York decides between EST and EDT).
   *
   * @throws IllegalArgumentException if the text is not of that form or the time is outside the range
   *     {@link OptionChain} accepts
   */
  static Instant cboeDateLine(String text) {
    Matcher m = CBOE_DATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected 'Date: <Month D, YYYY> at <h:mm AM/PM> EST'");
    }
    try {
      LocalDate day = LocalDate.parse(m.group(1).replaceAll("\\s*,\\s*", ", ").replaceAll("\\s+", " "), CBOE_DAY);
      LocalTime time = LocalTime.parse(m.group(2) + " " + m.group(3).toUpperCase(Locale.ROOT), CBOE_TIME);
      return OptionChain.checkValuationTime(ZonedDateTime.of(day, time, NEW_YORK).toInstant());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date and time: " + e.getMessage(), e);
    }
  }

  /**
   * Parses an instant written as ISO-8601: {@code 2022-12-13T01:30:00Z}, with an offset ({@code
   * 2022-12-12T20:30:00-05:00}), with a zone ({@code 2022-12-12T20:30:00-05:00[America/New_York]}) or
   * without either ({@code 2023-09-20T16:15:04}, taken as New York time); a blank instead of the {@code T}
   * is accepted ({@code 2023-09-20 19:59:58+00:00}).
   *
   * @throws IllegalArgumentException if the text is none of these or the time is outside the range {@link
   *     OptionChain} accepts
   */
  static Instant iso(String text) {
    String t = text.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11).trim(); // 2023-09-20 19:59:58+00:00, as pandas writes
    }
    return OptionChain.checkValuationTime(parseIso(t));
  }

  private static Instant parseIso(String t) {
    try {
      if (t.endsWith("]")) {
        return ZonedDateTime.parse(t).toInstant();
      }
      if (t.endsWith("Z") || t.endsWith("z")) {
        return Instant.parse(t.toUpperCase(Locale.ROOT));
      }
      if (hasOffset(t)) {
        return OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t).atZone(NEW_YORK).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an ISO-8601 date-time such as 2023-09-20T16:15:04 (New York) or 2023-09-20T20:15:04Z");
    }
  }

  private static boolean hasOffset(String t) {
    int tee = t.indexOf('T');
    return tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0);
  }
}
