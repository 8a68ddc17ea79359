package io.gex.flink.internal;

import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AlertState;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * The Flink serializer of an {@link AlertState}, the last raise of an alert key in keyed state: the
 * severity by name (so that a new severity between two others does not shift the old ones), then {@code
 * raisedAt} and {@code suppressedUntil} as epoch seconds and nanoseconds. About 30 bytes.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AlertStateSerializer extends ImmutableSerializer<AlertState> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final AlertStateSerializer INSTANCE = new AlertStateSerializer();

  @Override
  public @Nullable AlertState createInstance() {
    return null;
  }

  @Override
  public void serialize(AlertState record, DataOutputView target) throws IOException {
    target.writeUTF(record.severity().name());
    writeInstant(record.raisedAt(), target);
    writeInstant(record.suppressedUntil(), target);
  }

  @Override
  public AlertState deserialize(DataInputView source) throws IOException {
    String severity = source.readUTF();
    Instant raisedAt = readInstant(source);
    Instant suppressedUntil = readInstant(source);
    try {
      return new AlertState(AlertSeverity.valueOf(severity), raisedAt, suppressedUntil);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt alert state: " + e.getMessage(), e);
    }
  }

  private static void writeInstant(Instant t, DataOutputView target) throws IOException {
    target.writeLong(t.getEpochSecond());
    target.writeInt(t.getNano());
  }

  private static Instant readInstant(DataInputView source) throws IOException {
    long seconds = source.readLong();
    int nanos = source.readInt();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new IOException("corrupt alert state: instant " + seconds + "s " + nanos + "ns", e);
    }
  }

  @Override
  public TypeSerializerSnapshot<AlertState> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of this serializer's configuration (there is none). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<AlertState> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
