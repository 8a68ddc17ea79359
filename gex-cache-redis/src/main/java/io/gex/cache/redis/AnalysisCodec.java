package io.gex.cache.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.json.GexJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The stored form of an analysis: a 4-byte header, then the analysis in CBOR, compressed with LZ4 (the
 * default) or gzip, or not at all.
 *
 * <p>Header: the magic bytes {@code 'g' 'x'}, the format {@linkplain #VERSION version}, and a flags byte
 * (bit 0: gzip, bit 1: LZ4). An LZ4 body starts with the CBOR's length (4 bytes, big-endian), then the LZ4
 * block. Readers refuse any other version with an {@link OtherVersionException}, so a change of the form is
 * a miss, never a wrong answer (version 1 was the JSON of {@code gex-json}).
 *
 * <p>Why CBOR and LZ4: the SPX analysis is about 700 KB of JSON, which Jackson reads in about 6 ms, most of
 * it parsing decimal numbers; the same records in CBOR (the same Jackson configuration, {@link
 * GexJson#configure}, so every record component follows without a hand-written field list) are about
 * 600 KB and read in about 1.4 ms, and LZ4 shrinks them to about 190 KB (less to send over the network and
 * to keep in Redis) for a few tenths of a millisecond. A hand-written binary form of the twenty-odd records
 * would read faster still but would have to be kept in step with every record by hand; the figures and the
 * command are in BENCHMARKS.md.
 *
 * <p>Both directions are bounded: no CBOR larger than a given number of bytes is written or read. An LZ4
 * body declares its length, which is checked before anything is allocated, and is decompressed by the
 * bounds-checking {@link LZ4SafeDecompressor} into a fresh array; gzip decompression stops as soon as it
 * passes the bound (a gzip bomb costs at most that much memory, never an {@link OutOfMemoryError}).
 *
 * <p>This class is stateless and thread-safe.
 */
final class AnalysisCodec {
  static final byte MAGIC_0 = 'g';
  static final byte MAGIC_1 = 'x';
  static final byte VERSION = 2;
  static final byte FLAG_GZIP = 1;
  static final byte FLAG_LZ4 = 2;
  static final int HEADER = 4;

  /** How a stored analysis is compressed. */
  enum Compression {
    NONE((byte) 0),
    LZ4(FLAG_LZ4),
    GZIP(FLAG_GZIP);

    final byte flag;

    Compression(byte flag) {
      this.flag = flag;
    }
  }

  /** The bytes hold a stored analysis of another format version: a miss, not a corrupt entry. */
  static final class OtherVersionException extends GexException {
    private static final long serialVersionUID = 1L;

    OtherVersionException(byte version) {
      super("stored analysis has format version " + version + ", this reader knows " + VERSION);
    }
  }

  private static final ObjectMapper CBOR = GexJson.configure(CBORMapper.builder());
  // The pure-Java implementations: no JNI and no Unsafe on data read back from Redis.
  private static final LZ4Compressor LZ4_COMPRESSOR = LZ4Factory.safeInstance().fastCompressor();
  private static final LZ4SafeDecompressor LZ4_DECOMPRESSOR = LZ4Factory.safeInstance().safeDecompressor();

  private AnalysisCodec() {}

  /** Encodes with no bound but the largest array (for tests and callers that checked the size). */
  static byte[] encode(GexAnalysis analysis, Compression compression) {
    return encode(analysis, compression, Integer.MAX_VALUE);
  }

  /**
   * The stored form of an analysis.
   *
   * @throws GexException if its CBOR is longer than {@code maxBytes}
   */
  static byte[] encode(GexAnalysis analysis, Compression compression, int maxBytes) {
    byte[] cbor;
    try {
      cbor = CBOR.writeValueAsBytes(analysis);
    } catch (JsonProcessingException e) {
      throw new GexException("cannot write analysis of " + analysis.symbol() + " as CBOR", e);
    }
    if (cbor.length > maxBytes) {
      throw new GexException(
          "analysis of " + analysis.symbol() + " is " + cbor.length + " bytes of CBOR, over the limit of "
              + maxBytes);
    }
    return encodeCbor(cbor, compression);
  }

  /**
   * The stored form of an analysis given as JSON, converted to CBOR value by value (tests store analyses no
   * engine would write).
   */
  static byte[] encodeJson(byte[] json, Compression compression) {
    try {
      JsonNode tree = GexJson.mapper().readTree(json);
      return encodeCbor(CBOR.writeValueAsBytes(tree), compression);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encodeCbor(byte[] cbor, Compression compression) {
    switch (compression) {
      case NONE:
        {
          byte[] out = new byte[HEADER + cbor.length];
          header(out, compression.flag);
          System.arraycopy(cbor, 0, out, HEADER, cbor.length);
          return out;
        }
      case LZ4:
        {
          byte[] out = new byte[HEADER + 4 + LZ4_COMPRESSOR.maxCompressedLength(cbor.length)];
          header(out, compression.flag);
          writeInt(out, HEADER, cbor.length);
          int n = LZ4_COMPRESSOR.compress(cbor, 0, cbor.length, out, HEADER + 4);
          return Arrays.copyOf(out, HEADER + 4 + n);
        }
      case GZIP:
        {
          ByteArrayOutputStream buffer = new ByteArrayOutputStream(cbor.length / 4 + HEADER);
          buffer.write(MAGIC_0);
          buffer.write(MAGIC_1);
          buffer.write(VERSION);
          buffer.write(FLAG_GZIP);
          try (GZIPOutputStream zip = new GZIPOutputStream(buffer, 8192)) {
            zip.write(cbor);
          } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
          }
          return buffer.toByteArray();
        }
    }
    throw new AssertionError(compression);
  }

  private static void header(byte[] out, byte flags) {
    out[0] = MAGIC_0;
    out[1] = MAGIC_1;
    out[2] = VERSION;
    out[3] = flags;
  }

  private static void writeInt(byte[] out, int at, int value) {
    out[at] = (byte) (value >>> 24);
    out[at + 1] = (byte) (value >>> 16);
    out[at + 2] = (byte) (value >>> 8);
    out[at + 3] = (byte) value;
  }

  private static int readInt(byte[] in, int at) {
    return (in[at] & 0xff) << 24 | (in[at + 1] & 0xff) << 16 | (in[at + 2] & 0xff) << 8 | (in[at + 3] & 0xff);
  }

  /** Decodes with no bound but the largest array (for tests). */
  static GexAnalysis decode(byte[] stored) {
    return decode(stored, Integer.MAX_VALUE - 8);
  }

  /**
   * Reads a stored analysis.
   *
   * @param maxBytes the largest CBOR accepted, decompressed; decompression stops once past it
   * @throws OtherVersionException if the bytes are a stored analysis of another format version
   * @throws GexException if the bytes are not a stored analysis, or hold more than {@code maxBytes} of
   *     CBOR (the message says why)
   */
  static GexAnalysis decode(byte[] stored, int maxBytes) {
    if (stored.length < HEADER || stored[0] != MAGIC_0 || stored[1] != MAGIC_1) {
      throw new GexException("not a stored gex analysis (bad header, " + stored.length + " bytes)");
    }
    if (stored[2] != VERSION) {
      throw new OtherVersionException(stored[2]);
    }
    byte flags = stored[3];
    byte[] cbor;
    if (flags == FLAG_LZ4) {
      cbor = lz4(stored, maxBytes);
    } else if (flags == FLAG_GZIP) {
      try (InputStream in =
          new GZIPInputStream(new ByteArrayInputStream(stored, HEADER, stored.length - HEADER))) {
        cbor = readAtMost(in, maxBytes);
      } catch (IOException e) {
        throw new GexException("stored analysis is not valid gzip: " + e.getMessage(), e);
      }
    } else if (flags == 0) {
      if (stored.length - HEADER > maxBytes) {
        throw tooLarge(maxBytes);
      }
      cbor = Arrays.copyOfRange(stored, HEADER, stored.length);
    } else {
      throw new GexException("stored analysis has unknown flags " + flags);
    }
    try {
      return CBOR.readValue(cbor, GexAnalysis.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new GexException("cannot read an analysis from CBOR: " + e.getMessage(), e);
    }
  }

  private static byte[] lz4(byte[] stored, int maxBytes) {
    if (stored.length < HEADER + 4) {
      throw new GexException("stored analysis is truncated (" + stored.length + " bytes)");
    }
    int length = readInt(stored, HEADER);
    if (length < 0 || length > maxBytes) {
      throw new GexException(
          "stored analysis declares " + length + " bytes of CBOR, over the limit of " + maxBytes);
    }
    byte[] cbor = new byte[length];
    int n;
    try {
      n = LZ4_DECOMPRESSOR.decompress(stored, HEADER + 4, stored.length - HEADER - 4, cbor, 0, length);
    } catch (LZ4Exception e) {
      throw new GexException("stored analysis is not valid LZ4: " + e.getMessage(), e);
    }
    if (n != length) {
      throw new GexException(
          "stored analysis declares " + length + " bytes of CBOR but holds " + n);
    }
    return cbor;
  }

  /**
   * Reads the stream to its end, failing as soon as it yields more than {@code max} bytes: memory stays
   * within about {@code max} however much the stream would inflate to. (The JDK's readNBytes stops at a
   * count but cannot say whether the stream ended there, hence the one extra byte.)
   */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max);
    if (bytes.length == max && in.read() >= 0) {
      throw tooLarge(max);
    }
    return bytes;
  }

  private static GexException tooLarge(int max) {
    return new GexException("stored analysis is larger than the limit of " + max + " bytes of CBOR");
  }
}
