package io.gex.store;

import io.gex.GexAnalysis;
import io.gex.chain.OptionChain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One snapshot as a {@link GexStore} keeps it: the analysis, the chain it was made from, and the alerts it
 * raised. A snapshot is identified by its symbol and valuation instant; saving a second snapshot with the
 * same identity replaces the first.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param analysis the analysis of the chain
 * @param chain the chain as analysed (its raw contracts are stored row by row)
 * @param alerts the alerts raised for this snapshot, possibly none
 */
public record StoredSnapshot(GexAnalysis analysis, OptionChain chain, List<AlertRecord> alerts) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the analysis and the chain differ in symbol or valuation instant,
   *     or an alert is for another symbol
   */
  public StoredSnapshot {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(chain, "chain");
    alerts = List.copyOf(alerts);
    if (!analysis.symbol().equals(chain.underlying())) {
      throw new IllegalArgumentException(
          "chain.underlying must equal analysis.symbol ("
              + analysis.symbol()
              + "), was "
              + chain.underlying());
    }
    if (!analysis.valuationTime().equals(chain.valuationTime())) {
      throw new IllegalArgumentException(
          "chain.valuationTime must equal analysis.valuationTime ("
              + analysis.valuationTime()
              + "), was "
              + chain.valuationTime());
    }
    for (AlertRecord alert : alerts) {
      if (!alert.symbol().equals(analysis.symbol())) {
        throw new IllegalArgumentException(
            "alert symbol must be " + analysis.symbol() + ", was " + alert.symbol());
      }
    }
  }

  /** A snapshot without alerts. */
  public static StoredSnapshot of(GexAnalysis analysis, OptionChain chain) {
    return new StoredSnapshot(analysis, chain, List.of());
  }

  /** The underlying symbol. */
  public String symbol() {
    return analysis.symbol();
  }

  /** The valuation instant, which with the symbol identifies the snapshot. */
  public Instant valuationTime() {
    return analysis.valuationTime();
  }

  /** The trading day: the valuation instant's date in {@link DailyHistory#TRADING_ZONE}. */
  public LocalDate tradingDate() {
    return DailyHistory.tradingDate(analysis.valuationTime());
  }
}
