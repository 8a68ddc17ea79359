package io.gex.charts;

import java.util.Objects;

/**
 * One row of the report's headline table: a label such as {@code Call wall} and its formatted value such
 * as {@code 4,100}. Values are plain text (not HTML), formatted independently of the default locale.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param label what the row shows, non-blank
 * @param value the formatted value, with its unit where it has one
 */
public record HeadlineRow(String label, String value) {

  /** Validates. */
  public HeadlineRow {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank, was '" + label + "'");
    }
  }
}
