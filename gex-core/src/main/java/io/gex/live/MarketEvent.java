package io.gex.live;

import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One change to the market state of a {@link LiveChain}. Every event carries the instant it happened, for
 * ordering and provenance; only a {@link Clock} event moves the chain's valuation time (so that a spot tick
 * costs no re-pricing of time decay).
 *
 * <p>Events are immutable values; their constructors check what they carry (messages name the field and the
 * value). Whether the contract an event names exists is for the chain to say ({@link LiveChain#apply}).
 */
public sealed interface MarketEvent
    permits MarketEvent.Spot,
        MarketEvent.ContractField,
        MarketEvent.Listed,
        MarketEvent.Delisted,
        MarketEvent.Clock,
        MarketEvent.Trade {

  /** When the event happened. */
  Instant time();

  /**
   * The underlying traded at a new price.
   *
   * @param time when
   * @param spot the new spot, in the range of {@link OptionChain#checkSpot}
   */
  record Spot(Instant time, double spot) implements MarketEvent {
    /**
     * @throws IllegalArgumentException if the spot is out of range
     */
    public Spot {
      Objects.requireNonNull(time, "time");
      OptionChain.checkSpot(spot);
    }
  }

  /** The fields of a contract that change intraday. */
  enum Field {
    /** Best bid, in price units; 0 clears it. */
    BID,
    /** Best ask, in price units; 0 clears it. */
    ASK,
    /** The quoted implied volatility as a decimal; 0 means none. */
    IV,
    /** Open interest in contracts (a whole number). */
    OI;

    /** The lower-case name used in tick files: {@code bid}, {@code ask}, {@code iv}, {@code oi}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A new value for one field of one contract.
   *
   * @param time when
   * @param contract the contract
   * @param field which field
   * @param value the new value, in the range {@link OptionContract} accepts for that field (0 clears a bid,
   *     an ask or an implied volatility)
   */
  record ContractField(Instant time, OccSymbol contract, Field field, double value)
      implements MarketEvent {
    /**
     * @throws IllegalArgumentException if the value is outside the field's range
     */
    public ContractField {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(contract, "contract");
      Objects.requireNonNull(field, "field");
      String name = field.id();
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException(
            name + " must be finite and >= 0, was " + value + " for " + contract);
      }
      switch (field) {
        case OI:
          if (value != Math.rint(value) || value > OptionContract.MAX_OPEN_INTEREST) {
            throw new IllegalArgumentException(
                "oi must be a whole number in [0, " + OptionContract.MAX_OPEN_INTEREST + "], was " + value
                    + " for " + contract);
          }
          break;
        case IV:
          if (value != 0
              && !(value >= OptionContract.MIN_IMPLIED_VOLATILITY
                  && value <= OptionContract.MAX_IMPLIED_VOLATILITY)) {
            throw new IllegalArgumentException(
                "iv must be 0 (none) or in [" + OptionContract.MIN_IMPLIED_VOLATILITY + ", "
                    + OptionContract.MAX_IMPLIED_VOLATILITY + "], was " + value + " for " + contract);
          }
          break;
        default:
          if (value != 0 && !(value >= OptionContract.MIN_PRICE && value <= OptionContract.MAX_PRICE)) {
            throw new IllegalArgumentException(
                name + " must be 0 (none) or in [" + OptionContract.MIN_PRICE + ", "
                    + OptionContract.MAX_PRICE + "], was " + value + " for " + contract);
          }
      }
    }
  }

  /**
   * A contract is listed (or replaced, if the chain has one with its symbol).
   *
   * @param time when
   * @param contract the contract with its market data
   */
  record Listed(Instant time, OptionContract contract) implements MarketEvent {
    public Listed {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(contract, "contract");
    }
  }

  /**
   * A contract leaves the chain (it expired or was delisted).
   *
   * @param time when
   * @param contract the contract's symbol
   */
  record Delisted(Instant time, OccSymbol contract) implements MarketEvent {
    public Delisted {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(contract, "contract");
    }
  }

  /**
   * An option traded: the chain folds it into the customers' flow ({@link io.gex.positions.FlowBook}), which
   * the position model {@code flow} reads. The trade's time is the event's.
   *
   * @param trade the trade with the quote in force when it printed
   */
  record Trade(io.gex.positions.Trade trade) implements MarketEvent {
    public Trade {
      Objects.requireNonNull(trade, "trade");
    }

    @Override
    public Instant time() {
      return trade.time();
    }
  }

  /**
   * The valuation clock moves to {@code time} (times to expiry shrink; contracts whose settlement has
   * passed stop counting, as in {@link io.gex.GexEngine#analyze}).
   *
   * @param time the new valuation time, in the range of {@link OptionChain#checkValuationTime}
   */
  record Clock(Instant time) implements MarketEvent {
    /**
     * @throws IllegalArgumentException if the time is out of range
     */
    public Clock {
      OptionChain.checkValuationTime(time);
    }
  }
}
