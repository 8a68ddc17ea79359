package io.gex.store;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses a chain and stores the snapshot, so that a store that is down never stops an analysis: the
 * caller always gets the analysis, and the storage failure beside it when saving failed (logged once at
 * WARN).
 *
 * <pre>{@code
 * GexStoreRecorder recorder = new GexStoreRecorder(engine, store);
 * GexStoreRecorder.Recorded r = recorder.analyzeAndStore(chain);
 * use(r.analysis());
 * r.storageFailure().ifPresent(e -> metrics.storeFailed());
 * }</pre>
 *
 * <p>This class is immutable and thread-safe (as far as the engine and the store are, which their
 * contracts require).
 */
public final class GexStoreRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(GexStoreRecorder.class);

  private final GexEngine engine;
  private final GexStore store;

  /**
   * A recorder.
   *
   * @param engine analyses the chains
   * @param store keeps the snapshots
   */
  public GexStoreRecorder(GexEngine engine, GexStore store) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * An analysis and, if saving it failed, why.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param analysis the analysis, always present
   * @param storageFailure the failure of the save, empty if the snapshot was stored
   */
  public record Recorded(GexAnalysis analysis, Optional<GexStorageException> storageFailure) {
    /** Validates that both parts are present. */
    public Recorded {
      Objects.requireNonNull(analysis, "analysis");
      Objects.requireNonNull(storageFailure, "storageFailure");
    }

    /** Whether the snapshot was stored. */
    public boolean stored() {
      return storageFailure.isEmpty();
    }
  }

  /**
   * Analyses a chain and stores it without alerts.
   *
   * @throws io.gex.NoUsableContractsException if the chain cannot be analysed (nothing is stored)
   */
  public Recorded analyzeAndStore(OptionChain chain) {
    return analyzeAndStore(chain, a -> List.of());
  }

  /**
   * Analyses a chain, evaluates the alerts of the analysis and stores the snapshot. A failure of the
   * store, whatever its type, is returned rather than thrown; a failure of the alert function is treated
   * alike (the snapshot is then not stored).
   *
   * @param chain the chain to analyse
   * @param alerts the alerts raised by an analysis
   * @throws io.gex.NoUsableContractsException if the chain cannot be analysed (nothing is stored)
   */
  public Recorded analyzeAndStore(
      OptionChain chain, Function<? super GexAnalysis, ? extends List<AlertRecord>> alerts) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(alerts, "alerts");
    GexAnalysis analysis = engine.analyze(chain);
    try {
      store.save(new StoredSnapshot(analysis, chain, alerts.apply(analysis)));
      return new Recorded(analysis, Optional.empty());
    } catch (GexStorageException e) {
      LOG.warn("Could not store the snapshot of {} at {} in {}: {}",
          analysis.symbol(), analysis.valuationTime(), store.id(), e.getMessage());
      return new Recorded(analysis, Optional.of(e));
    } catch (RuntimeException e) {
      LOG.warn("Could not store the snapshot of {} at {} in {}",
          analysis.symbol(), analysis.valuationTime(), store.id(), e);
      return new Recorded(
          analysis,
          Optional.of(new GexStorageException("storing the snapshot failed: " + e, e)));
    }
  }
}
