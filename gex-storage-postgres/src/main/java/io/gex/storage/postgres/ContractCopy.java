package io.gex.storage.postgres;

import io.gex.chain.OptionContract;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Renders contracts as rows of PostgreSQL's COPY text format. */
final class ContractCopy {

  static final String COLUMNS =
      "snapshot_id, ordinal, root, expiry, option_right, strike, settlement, open_interest,"
          + " implied_volatility, bid, ask, last_price, volume, vendor_delta, vendor_gamma, spot_at_quote";

  private ContractCopy() {}

  /** Appends one row, ending in a newline. */
  static void appendRow(StringBuilder sb, long snapshotId, int ordinal, OptionContract c) {
    sb.append(snapshotId).append('\t').append(ordinal).append('\t');
    appendText(sb, c.symbol().root());
    sb.append('\t').append(c.symbol().expiry()).append('\t');
    sb.append(c.symbol().right().code()).append('\t');
    sb.append(c.symbol().strike()).append('\t');
    sb.append(c.settlement().name()).append('\t');
    sb.append(c.openInterest()).append('\t');
    sb.append(c.impliedVolatility()).append('\t');
    appendOptional(sb, c.bid());
    sb.append('\t');
    appendOptional(sb, c.ask());
    sb.append('\t');
    appendOptional(sb, c.last());
    sb.append('\t');
    appendOptional(sb, c.volume());
    sb.append('\t');
    appendOptional(sb, c.vendorDelta());
    sb.append('\t');
    appendOptional(sb, c.vendorGamma());
    sb.append('\t');
    appendOptional(sb, c.spotAtQuote());
    sb.append('\n');
  }

  private static void appendOptional(StringBuilder sb, OptionalDouble v) {
    if (v.isPresent()) {
      sb.append(v.getAsDouble());
    } else {
      sb.append("\\N");
    }
  }

  private static void appendOptional(StringBuilder sb, OptionalLong v) {
    if (v.isPresent()) {
      sb.append(v.getAsLong());
    } else {
      sb.append("\\N");
    }
  }

  /** Text with the COPY escapes for backslash, tab, newline and carriage return. */
  static void appendText(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }
}
