package io.gex.flink;

import io.gex.GexException;
import io.gex.flink.internal.ImmutableSerializer;
import io.gex.json.GexJson;
import io.gex.store.AlertRecord;
import io.gex.store.StoredSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * The Flink serializer of a {@link GexResult}: symbol, instant and line, then (when present) the stored
 * snapshot: its analysis as {@link GexJson} writes it, its chain as {@link ChainSerializer} does, and its
 * alerts field by field. The line is written as length-prefixed UTF-8 (a line can exceed the 64 KB of
 * {@code writeUTF}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GexResultSerializer extends ImmutableSerializer<GexResult> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final GexResultSerializer INSTANCE = new GexResultSerializer();

  private static final AlertRecord.Severity[] SEVERITIES = AlertRecord.Severity.values();

  @Override
  public @Nullable GexResult createInstance() {
    return null;
  }

  @Override
  public void serialize(GexResult record, DataOutputView target) throws IOException {
    target.writeUTF(record.symbol());
    writeInstant(record.valuationTime(), target);
    writeBytes(record.line().getBytes(java.nio.charset.StandardCharsets.UTF_8), target);
    StoredSnapshot s = record.stored();
    target.writeBoolean(s != null);
    if (s == null) {
      return;
    }
    writeBytes(GexJson.toBytes(s.analysis()), target);
    ChainSerializer.INSTANCE.serialize(s.chain(), target);
    target.writeInt(s.alerts().size());
    for (AlertRecord a : s.alerts()) {
      target.writeUTF(a.ruleId());
      target.writeUTF(a.type());
      target.writeByte(a.severity().ordinal());
      target.writeUTF(a.symbol());
      writeInstant(a.instant(), target);
      writeBytes(a.message().getBytes(java.nio.charset.StandardCharsets.UTF_8), target);
      target.writeInt(a.figures().size());
      for (Map.Entry<String, Double> f : a.figures().entrySet()) {
        target.writeUTF(f.getKey());
        target.writeDouble(f.getValue());
      }
    }
  }

  @Override
  public GexResult deserialize(DataInputView source) throws IOException {
    String symbol = source.readUTF();
    Instant time = readInstant(source);
    String line = new String(readBytes(source), java.nio.charset.StandardCharsets.UTF_8);
    if (!source.readBoolean()) {
      return new GexResult(symbol, time, line, null);
    }
    try {
      var analysis = GexJson.analysisFromBytes(readBytes(source));
      var chain = ChainSerializer.INSTANCE.deserialize(source);
      int n = source.readInt();
      List<AlertRecord> alerts = new ArrayList<>(Math.max(0, Math.min(n, 1024)));
      for (int i = 0; i < n; i++) {
        String ruleId = source.readUTF();
        String type = source.readUTF();
        int severity = source.readByte();
        if (severity < 0 || severity >= SEVERITIES.length) {
          throw new IOException("corrupt result: severity " + severity);
        }
        String alertSymbol = source.readUTF();
        Instant instant = readInstant(source);
        String message = new String(readBytes(source), java.nio.charset.StandardCharsets.UTF_8);
        int m = source.readInt();
        Map<String, Double> figures = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
          figures.put(source.readUTF(), source.readDouble());
        }
        alerts.add(
            new AlertRecord(
                ruleId, type, SEVERITIES[severity], alertSymbol, instant, message, figures));
      }
      return new GexResult(symbol, time, line, new StoredSnapshot(analysis, chain, alerts));
    } catch (GexException | IllegalArgumentException e) {
      throw new IOException("corrupt result of " + symbol + ": " + e.getMessage(), e);
    }
  }

  private static void writeInstant(Instant t, DataOutputView target) throws IOException {
    target.writeLong(t.getEpochSecond());
    target.writeInt(t.getNano());
  }

  private static Instant readInstant(DataInputView source) throws IOException {
    return Instant.ofEpochSecond(source.readLong(), source.readInt());
  }

  @Override
  public TypeSerializerSnapshot<GexResult> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of this serializer's configuration (there is none). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<GexResult> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
