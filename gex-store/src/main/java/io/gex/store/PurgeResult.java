package io.gex.store;

/**
 * What {@link GexStore#purgeBefore} deleted.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param snapshots snapshots deleted
 * @param contracts stored contracts deleted with them
 * @param alerts alerts deleted
 */
public record PurgeResult(long snapshots, long contracts, long alerts) {

  /** Validates that no count is negative. */
  public PurgeResult {
    if (snapshots < 0 || contracts < 0 || alerts < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, were snapshots "
              + snapshots
              + ", contracts "
              + contracts
              + ", alerts "
              + alerts);
    }
  }

  /** Nothing deleted. */
  public static final PurgeResult NONE = new PurgeResult(0, 0, 0);

  /** The sum of two results, for purges done in batches. */
  public PurgeResult plus(PurgeResult other) {
    return new PurgeResult(
        snapshots + other.snapshots, contracts + other.contracts, alerts + other.alerts);
  }
}
