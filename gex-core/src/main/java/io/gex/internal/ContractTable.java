package io.gex.internal;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An option chain's contracts as an immutable list that also holds, in primitive columns, what every
 * analysis reads of each contract: strike, right, expiry and settlement, quoted implied volatility and
 * open interest, and whether it is the other member of its predecessor's call/put pair.
 *
 * <p>Why: resolving a chain of 19,156 contracts by walking the contract objects (a record and its symbol
 * each, spread over the heap) costs a cache miss or two per contract, and that walk was the largest single
 * cost of an analysis of the SPX chain. {@code OptionChain}'s constructor walks its contracts anyway (it
 * copies them and checks them for duplicates), so it fills the columns on that walk, once per chain, and
 * every analysis of the chain (under any settings, any number of times) reads them instead. They take
 * about 30 bytes a contract, a sixth of what the contract objects take.
 *
 * <p>Expiry and settlement are kept as a key per contract into a table of the chain's distinct (expiry,
 * settlement) pairs, in order of first appearance, so that what depends on them alone (the settlement
 * instant, the time to expiry) is computed once per pair.
 *
 * <p>The rows are of any type so that this package depends on no other package of gex-core (the chain
 * package builds tables of its contracts). The arrays that the accessors return are the table's own, for
 * speed: callers must not write to them. A table is immutable and thread-safe; it is not API (its package
 * is not exported).
 *
 * @param <E> the row type
 */
public final class ContractTable<E> extends AbstractList<E> implements RandomAccess {

  private final Object[] rows;
  private final boolean checked;
  private final double[] strike;
  private final boolean[] call;
  private final double[] impliedVolatility;
  private final double[] openInterest;
  private final int[] expiryKey;
  private final LocalDate[] keyExpiry;
  private final boolean[] keyAmSettled;
  private final boolean[] pairsWithPrevious;

  private ContractTable(Builder<E> b, boolean checked) {
    int n = b.size;
    this.checked = checked;
    boolean full = n == b.rows.length; // the usual case: the builder's arrays are taken, not copied
    rows = full ? b.rows : Arrays.copyOf(b.rows, n);
    strike = full ? b.strike : Arrays.copyOf(b.strike, n);
    call = full ? b.call : Arrays.copyOf(b.call, n);
    impliedVolatility = full ? b.impliedVolatility : Arrays.copyOf(b.impliedVolatility, n);
    openInterest = full ? b.openInterest : Arrays.copyOf(b.openInterest, n);
    expiryKey = full ? b.expiryKey : Arrays.copyOf(b.expiryKey, n);
    pairsWithPrevious = full ? b.pairsWithPrevious : Arrays.copyOf(b.pairsWithPrevious, n);
    keyExpiry = Arrays.copyOf(b.keyExpiry, b.keys);
    keyAmSettled = Arrays.copyOf(b.keyAmSettled, b.keys);
  }

  /** A builder for a table of at most {@code capacity} rows. */
  public static <E> Builder<E> builder(int capacity) {
    return new Builder<>(capacity);
  }

  /** Fills a table row by row; builds one table. Not thread-safe. */
  public static final class Builder<E> {
    private final Object[] rows;
    private final double[] strike;
    private final boolean[] call;
    private final double[] impliedVolatility;
    private final double[] openInterest;
    private final int[] expiryKey;
    private final boolean[] pairsWithPrevious;
    private final Map<LocalDate, Integer> amKeys = new HashMap<>();
    private final Map<LocalDate, Integer> pmKeys = new HashMap<>();
    private LocalDate[] keyExpiry = new LocalDate[8];
    private boolean[] keyAmSettled = new boolean[8];
    private int keys;
    private int size;
    private boolean built;

    private Builder(int capacity) {
      rows = new Object[capacity];
      strike = new double[capacity];
      call = new boolean[capacity];
      impliedVolatility = new double[capacity];
      openInterest = new double[capacity];
      expiryKey = new int[capacity];
      pairsWithPrevious = new boolean[capacity];
    }

    /**
     * Adds a row.
     *
     * @throws IndexOutOfBoundsException past the capacity
     * @throws NullPointerException if row or expiry is null
     * @throws IllegalStateException once the table is built
     */
    public void add(
        E row,
        double rowStrike,
        boolean isCall,
        double rowImpliedVolatility,
        double rowOpenInterest,
        LocalDate expiry,
        boolean amSettled,
        boolean pairsWithPreviousRow) {
      if (built) {
        throw new IllegalStateException("the table is built");
      }
      int i = size;
      rows[i] = Objects.requireNonNull(row, "row");
      strike[i] = rowStrike;
      call[i] = isCall;
      impliedVolatility[i] = rowImpliedVolatility;
      openInterest[i] = rowOpenInterest;
      pairsWithPrevious[i] = pairsWithPreviousRow;
      // Sources list contracts grouped by expiry: most share their predecessor's key.
      int last = i == 0 ? -1 : expiryKey[i - 1];
      if (last >= 0 && keyAmSettled[last] == amSettled && keyExpiry[last].equals(expiry)) {
        expiryKey[i] = last;
      } else {
        Map<LocalDate, Integer> known = amSettled ? amKeys : pmKeys;
        Integer k = known.get(Objects.requireNonNull(expiry, "expiry"));
        if (k == null) {
          if (keys == keyExpiry.length) {
            keyExpiry = Arrays.copyOf(keyExpiry, 2 * keys);
            keyAmSettled = Arrays.copyOf(keyAmSettled, 2 * keys);
          }
          keyExpiry[keys] = expiry;
          keyAmSettled[keys] = amSettled;
          k = keys++;
          known.put(expiry, k);
        }
        expiryKey[i] = k;
      }
      size = i + 1;
    }

    /**
     * The table.
     *
     * @param duplicatesChecked whether the caller checked that no contract appears twice: only such a
     *     table is taken as it is by a chain ({@link #checked()})
     */
    public ContractTable<E> build(boolean duplicatesChecked) {
      built = true;
      return new ContractTable<>(this, duplicatesChecked);
    }
  }

  @Override
  @SuppressWarnings("unchecked") // every row was added as an E
  public E get(int index) {
    Objects.checkIndex(index, rows.length);
    return (E) rows[index];
  }

  @Override
  public int size() {
    return rows.length;
  }

  @Override
  public Object[] toArray() {
    return rows.clone();
  }

  /** Whether the builder's caller checked the rows for duplicates. */
  public boolean checked() {
    return checked;
  }

  /** Each row's strike. */
  public double[] strike() {
    return strike;
  }

  /** Whether each row is a call. */
  public boolean[] call() {
    return call;
  }

  /** Each row's quoted implied volatility. */
  public double[] impliedVolatility() {
    return impliedVolatility;
  }

  /** Each row's open interest, as a double. */
  public double[] openInterest() {
    return openInterest;
  }

  /** Each row's key into {@link #keyExpiry()} and {@link #keyAmSettled()}. */
  public int[] expiryKey() {
    return expiryKey;
  }

  /** The expiry of each key. */
  public LocalDate[] keyExpiry() {
    return keyExpiry;
  }

  /** Whether each key is AM-settled (else PM-settled). */
  public boolean[] keyAmSettled() {
    return keyAmSettled;
  }

  /** Whether each row and the one before it are the call and put of one root, expiry and strike. */
  public boolean[] pairsWithPrevious() {
    return pairsWithPrevious;
  }
}
