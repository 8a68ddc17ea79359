package io.gex.flink.internal;

import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.json.GexJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * The Flink serializer of a {@link GexAnalysis} in keyed state (the previous analysis the alert rules
 * compare with): its JSON as {@link GexJson#toBytes(GexAnalysis)} writes it, deflated. The JSON form is the
 * one gex-json versions and tests (so a checkpoint stays readable across gex versions that keep it, and the
 * class's shape is gex-json's business); deflating it (fastest level) makes it about a third as large: an
 * SPX analysis of 19,000 contracts is 0.70 MB of JSON and 0.20 MB deflated.
 *
 * <p>Layout: the JSON's length (int), then the deflated bytes, length-prefixed. Reading inflates at most
 * the length announced, itself at most {@link #MAX_JSON_BYTES}, and fails with an {@link IOException} on
 * anything else.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AnalysisSerializer extends ImmutableSerializer<GexAnalysis> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final AnalysisSerializer INSTANCE = new AnalysisSerializer();

  /** The largest JSON read back: 256 MB, hundreds of times an SPX analysis. */
  public static final int MAX_JSON_BYTES = 256 << 20;

  @Override
  public @Nullable GexAnalysis createInstance() {
    return null;
  }

  @Override
  public void serialize(GexAnalysis record, DataOutputView target) throws IOException {
    byte[] json = GexJson.toBytes(record);
    target.writeInt(json.length);
    writeBytes(deflate(json), target);
  }

  @Override
  public GexAnalysis deserialize(DataInputView source) throws IOException {
    int length = source.readInt();
    if (length < 0 || length > MAX_JSON_BYTES) {
      throw new IOException("corrupt analysis: a JSON length of " + length);
    }
    byte[] json = inflate(readBytes(source), length);
    try {
      return GexJson.analysisFromBytes(json);
    } catch (GexException e) {
      throw new IOException("corrupt analysis: " + e.getMessage(), e);
    }
  }

  private static byte[] deflate(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
      byte[] buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] deflated, int length) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      byte[] json = new byte[length];
      int n = 0;
      while (n < length && !inflater.finished()) {
        int k = inflater.inflate(json, n, length - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += k;
      }
      // the announced length, and nothing beyond it: the stream must end right there
      if (n == length && !inflater.finished() && inflater.inflate(new byte[1]) > 0) {
        throw new IOException("corrupt analysis: the deflated JSON is longer than the " + length + " bytes announced");
      }
      if (n != length || !inflater.finished()) {
        throw new IOException(
            "corrupt analysis: the deflated JSON ends after " + n + " of the " + length + " bytes announced, or"
                + " is cut short");
      }
      return json;
    } catch (DataFormatException e) {
      throw new IOException("corrupt analysis: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  @Override
  public TypeSerializerSnapshot<GexAnalysis> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of this serializer's configuration (there is none). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<GexAnalysis> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
