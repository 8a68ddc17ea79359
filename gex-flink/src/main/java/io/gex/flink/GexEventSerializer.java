package io.gex.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.flink.internal.ImmutableSerializer;
import io.gex.json.GexJson;
import io.gex.live.MarketEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * The Flink serializer of a {@link GexEvent}: a tag byte, the underlying, then the payload. Market events,
 * the bulk of a stream, are written field by field (a spot tick is about 30 bytes: the instant as seconds
 * and nanoseconds, the value as a double, the contract as its OCC symbol); a snapshot is its chain as
 * {@link ChainSerializer} writes it, and a listed contract its {@link GexJson} form. Every value read
 * back is checked by the record it builds.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GexEventSerializer extends ImmutableSerializer<GexEvent> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final GexEventSerializer INSTANCE = new GexEventSerializer();

  private static final ObjectMapper MAPPER = GexJson.mapper();

  private static final byte SNAPSHOT = 0;
  private static final byte SPOT = 1;
  private static final byte FIELD = 2;
  private static final byte LISTED = 3;
  private static final byte DELISTED = 4;
  private static final byte CLOCK = 5;

  private static final MarketEvent.Field[] FIELDS = MarketEvent.Field.values();

  @Override
  public @Nullable GexEvent createInstance() {
    return null;
  }

  @Override
  public void serialize(GexEvent record, DataOutputView target) throws IOException {
    OptionChain chain = record.snapshot();
    if (chain != null) {
      target.writeByte(SNAPSHOT);
      ChainSerializer.INSTANCE.serialize(chain, target);
      return;
    }
    MarketEvent event = Objects.requireNonNull(record.event());
    if (event instanceof MarketEvent.Spot s) {
      target.writeByte(SPOT);
      header(record, target);
      target.writeDouble(s.spot());
    } else if (event instanceof MarketEvent.ContractField f) {
      target.writeByte(FIELD);
      header(record, target);
      target.writeUTF(f.contract().toString());
      target.writeByte(f.field().ordinal());
      target.writeDouble(f.value());
    } else if (event instanceof MarketEvent.Listed l) {
      target.writeByte(LISTED);
      header(record, target);
      writeBytes(MAPPER.writeValueAsBytes(l.contract()), target);
    } else if (event instanceof MarketEvent.Delisted d) {
      target.writeByte(DELISTED);
      header(record, target);
      target.writeUTF(d.contract().toString());
    } else {
      target.writeByte(CLOCK);
      header(record, target);
    }
  }

  private static void header(GexEvent record, DataOutputView target) throws IOException {
    target.writeUTF(record.underlying());
    Instant t = record.time();
    target.writeLong(t.getEpochSecond());
    target.writeInt(t.getNano());
  }

  @Override
  public GexEvent deserialize(DataInputView source) throws IOException {
    byte tag = source.readByte();
    if (tag == SNAPSHOT) {
      return GexEvent.snapshot(ChainSerializer.INSTANCE.deserialize(source));
    }
    String underlying = source.readUTF();
    Instant time = Instant.ofEpochSecond(source.readLong(), source.readInt());
    try {
      MarketEvent event =
          switch (tag) {
            case SPOT -> new MarketEvent.Spot(time, source.readDouble());
            case FIELD -> {
              OccSymbol contract = OccSymbol.parse(source.readUTF());
              int field = source.readByte();
              if (field < 0 || field >= FIELDS.length) {
                throw new IOException("corrupt event: field " + field);
              }
              yield new MarketEvent.ContractField(time, contract, FIELDS[field], source.readDouble());
            }
            case LISTED ->
                new MarketEvent.Listed(time, MAPPER.readValue(readBytes(source), OptionContract.class));
            case DELISTED -> new MarketEvent.Delisted(time, OccSymbol.parse(source.readUTF()));
            case CLOCK -> new MarketEvent.Clock(time);
            default -> throw new IOException("corrupt event: tag " + tag);
          };
      return GexEvent.market(underlying, event);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt event of " + underlying + ": " + e.getMessage(), e);
    }
  }

  @Override
  public TypeSerializerSnapshot<GexEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of this serializer's configuration (there is none). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<GexEvent> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
