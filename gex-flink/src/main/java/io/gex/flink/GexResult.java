package io.gex.flink;

import io.gex.store.StoredSnapshot;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One output of the job: an analysis of one underlying at one valuation time, as the line of {@code gex
 * live} (the document of {@code gex analyze --format json} on one line, with the alerts raised), and, when
 * the job writes to a {@link io.gex.store.GexStore}, the snapshot to store (analysis, chain and alerts).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the underlying
 * @param valuationTime the instant analysed
 * @param line the JSON document, one line
 * @param stored what a store keeps, or null when the sink does not need it
 */
public record GexResult(String symbol, Instant valuationTime, String line, @Nullable StoredSnapshot stored) {
  /** Checks that no component is null but {@code stored}. */
  public GexResult {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(line, "line");
  }
}
