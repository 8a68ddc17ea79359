package io.gex.flink;

import io.gex.chain.OptionChain;
import io.gex.live.MarketEvent;
import io.gex.source.SyntheticChainSource;
import io.gex.source.SyntheticSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A seeded synthetic market of {@code underlyings} underlyings ({@code S00001}, {@code S00002}, ...), each a
 * {@link SyntheticChainSource} chain of about {@code contracts} contracts at {@code start} followed by its
 * {@link SyntheticSession} of {@code events} events. The same market always gives the same events.
 *
 * <p>Event {@code i} of the market ({@link Generated#event}) is item {@code i / underlyings} of underlying {@code i %
 * underlyings}: item 0 is the snapshot, item {@code k} the session's event {@code k}. As every session has the
 * same start, end and count, its events share their times, so the market is in time order.
 *
 * <p>Underlying {@code u} (from 0) has spot {@code 50 + u} and seed {@code seed + u}.
 *
 * <p>This class is immutable; {@link #open} generates the sessions into it (not thread-safe while opening).
 *
 * @param underlyings how many underlyings, 1 to 99,999
 * @param events events per underlying after its snapshot, {@code >= 1}
 * @param contracts about how many contracts per chain, {@code >= 4}
 * @param seed the base seed
 * @param start the sessions' start
 */
public record SyntheticMarket(int underlyings, int events, int contracts, long seed, Instant start)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The default start: Friday 16 December 2022, 09:30 New York (14:30 UTC). */
  public static final Instant DEFAULT_START = Instant.parse("2022-12-16T14:30:00Z");

  /**
   * @throws IllegalArgumentException naming the argument if one is out of range
   */
  public SyntheticMarket {
    if (underlyings < 1 || underlyings > 99_999) {
      throw new IllegalArgumentException("underlyings must be in [1, 99999], was " + underlyings);
    }
    if (events < 1) {
      throw new IllegalArgumentException("events must be >= 1, was " + events);
    }
    if (contracts < 4) {
      throw new IllegalArgumentException("contracts must be >= 4, was " + contracts);
    }
    java.util.Objects.requireNonNull(start, "start");
  }

  /** How many items the market has: a snapshot and the events of each underlying. */
  public long size() {
    return (long) underlyings * (events + 1);
  }

  /** The symbol of underlying {@code u} (from 0). */
  public static String symbol(int u) {
    return String.format(Locale.ROOT, "S%05d", u + 1);
  }

  /** The starting chain of underlying {@code u}. */
  public OptionChain chain(int u) {
    return new SyntheticChainSource().generate(symbol(u), 50 + u, contracts, seed + u, start);
  }

  /** The session of underlying {@code u}. */
  public List<MarketEvent> session(int u, OptionChain chain) {
    return SyntheticSession.builder(chain).events(events).seed(seed + u).build().events();
  }

  /** The generated market, to look events up by index. */
  public Generated open() {
    OptionChain[] chains = new OptionChain[underlyings];
    @SuppressWarnings("unchecked")
    List<MarketEvent>[] sessions = new List[underlyings];
    for (int u = 0; u < underlyings; u++) {
      chains[u] = chain(u);
      sessions[u] = session(u, chains[u]);
    }
    return new Generated(chains, sessions);
  }

  /** The market's items, generated. Immutable once built. */
  public final class Generated {
    private final OptionChain[] chains;
    private final List<MarketEvent>[] sessions;

    Generated(OptionChain[] chains, List<MarketEvent>[] sessions) {
      this.chains = chains;
      this.sessions = sessions;
    }

    /** Item {@code i} of the market, in {@code [0, size())}. */
    public GexEvent event(long i) {
      int u = (int) (i % underlyings);
      long k = i / underlyings;
      if (k == 0) {
        return GexEvent.snapshot(chains[u]);
      }
      return GexEvent.market(chains[u].underlying(), sessions[u].get((int) (k - 1)));
    }
  }
}
