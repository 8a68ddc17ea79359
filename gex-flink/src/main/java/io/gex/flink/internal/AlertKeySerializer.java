package io.gex.flink.internal;

import io.gex.alerts.AlertKey;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * The Flink serializer of an {@link AlertKey}, the key of the alert cooldowns in keyed state: rule id,
 * symbol and key as modified UTF-8 ({@code writeUTF}; an alert key is a few dozen characters).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AlertKeySerializer extends ImmutableSerializer<AlertKey> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final AlertKeySerializer INSTANCE = new AlertKeySerializer();

  @Override
  public @Nullable AlertKey createInstance() {
    return null;
  }

  @Override
  public void serialize(AlertKey record, DataOutputView target) throws IOException {
    target.writeUTF(record.ruleId());
    target.writeUTF(record.symbol());
    target.writeUTF(record.key());
  }

  @Override
  public AlertKey deserialize(DataInputView source) throws IOException {
    return new AlertKey(source.readUTF(), source.readUTF(), source.readUTF());
  }

  @Override
  public TypeSerializerSnapshot<AlertKey> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of this serializer's configuration (there is none). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<AlertKey> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
