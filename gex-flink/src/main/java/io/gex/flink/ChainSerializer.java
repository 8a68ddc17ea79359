package io.gex.flink;

import io.gex.GexException;
import io.gex.chain.OptionChain;
import io.gex.flink.internal.ImmutableSerializer;
import io.gex.json.GexJson;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * The Flink serializer of an {@link OptionChain}, in keyed state and on the wire: the chain's JSON as
 * {@link GexJson#toBytes(OptionChain)} writes it (every contract with its market data and the reading
 * diagnostics; doubles written so that they read back equal), length-prefixed. The JSON form is the one
 * gex-json versions and tests, so a checkpoint stays readable across gex versions that keep it; its cost
 * is paid once per analysis (the job saves the chain after each one), not per event.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChainSerializer extends ImmutableSerializer<OptionChain> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final ChainSerializer INSTANCE = new ChainSerializer();

  @Override
  public @Nullable OptionChain createInstance() {
    return null;
  }

  @Override
  public void serialize(OptionChain record, DataOutputView target) throws IOException {
    writeBytes(GexJson.toBytes(record), target);
  }

  @Override
  public OptionChain deserialize(DataInputView source) throws IOException {
    try {
      return GexJson.chainFromBytes(readBytes(source));
    } catch (GexException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public TypeSerializerSnapshot<OptionChain> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of this serializer's configuration (there is none). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<OptionChain> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
