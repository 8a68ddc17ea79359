package io.gex.flink;

import io.gex.store.GexStore;
import io.gex.store.StoredSnapshot;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that saves each result's snapshot in a {@link GexStore}. {@link GexStore#save} replaces a snapshot
 * of the same symbol and valuation instant, so the results a restarted job emits again (those after its
 * last checkpoint) overwrite what they wrote before: the store holds every analysis once. Saves are
 * synchronous, so a checkpoint completes only after the results before it are stored.
 *
 * <p>Each writer opens its own store from the factory (for PostgreSQL: {@code PostgresGexStore::new},
 * which reads {@code GEX_PG_*} on the task manager) and closes it with the task.
 */
public final class StoreSink implements Sink<GexResult> {
  private static final long serialVersionUID = 1L;

  /** Opens a store on a task manager. */
  @FunctionalInterface
  public interface StoreFactory extends Serializable {
    /** A new store. */
    GexStore open();
  }

  private final StoreFactory factory;

  /** A sink into the stores the factory opens. */
  public StoreSink(StoreFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public SinkWriter<GexResult> createWriter(WriterInitContext context) throws IOException {
    GexStore store = factory.open();
    return new SinkWriter<>() {
      @Override
      public void write(GexResult element, Context ctx) {
        StoredSnapshot s = element.stored();
        if (s == null) {
          throw new IllegalStateException(
              "a result of " + element.symbol() + " without its snapshot: the job's settings must have"
                  + " storeSnapshots for a store sink");
        }
        store.save(s);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {
        store.close();
      }
    };
  }
}
