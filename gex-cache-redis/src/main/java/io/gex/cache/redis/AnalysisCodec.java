package io.gex.cache.redis;

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

/**
 * The stored form of an analysis: a 4-byte header, then the JSON of {@link GexJson#toBytes(GexAnalysis)},
 * gzipped if the flag says so. Header: the magic bytes {@code 'g' 'x'}, the format {@linkplain #VERSION
 * version}, and a flags byte (bit 0: gzip). Readers refuse any other version, so a change of the form is
 * a miss, never a wrong answer. Both directions are bounded: no JSON larger than a given number of bytes is
 * written or read, and decompression stops as soon as it passes that size (a gzip bomb costs at most that
 * much memory, never an {@link OutOfMemoryError}).
 *
 * <p>This class is stateless and thread-safe.
 */
final class AnalysisCodec {
  static final byte MAGIC_0 = 'g';
  static final byte MAGIC_1 = 'x';
  static final byte VERSION = 1;
  static final byte FLAG_GZIP = 1;
  static final int HEADER = 4;

  private AnalysisCodec() {}

  /** Encodes with no bound but the largest array (for tests and callers that checked the size). */
  static byte[] encode(GexAnalysis analysis, boolean gzip) {
    return encode(analysis, gzip, Integer.MAX_VALUE);
  }

  /**
   * The stored form of an analysis.
   *
   * @throws GexException if its JSON is longer than {@code maxJsonBytes}
   */
  static byte[] encode(GexAnalysis analysis, boolean gzip, int maxJsonBytes) {
    byte[] json = GexJson.toBytes(analysis);
    if (json.length > maxJsonBytes) {
      throw new GexException(
          "analysis of " + analysis.symbol() + " is " + json.length + " bytes of JSON, over the limit of "
              + maxJsonBytes);
    }
    return encodeJson(json, gzip);
  }

  /** The stored form of an analysis's JSON (tests store JSON no engine would write). */
  static byte[] encodeJson(byte[] json, boolean gzip) {
    if (!gzip) {
      byte[] out = new byte[HEADER + json.length];
      header(out, (byte) 0);
      System.arraycopy(json, 0, out, HEADER, json.length);
      return out;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(json.length / 4 + HEADER);
    buffer.write(MAGIC_0);
    buffer.write(MAGIC_1);
    buffer.write(VERSION);
    buffer.write(FLAG_GZIP);
    try (GZIPOutputStream zip = new GZIPOutputStream(buffer, 8192)) {
      zip.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
    return buffer.toByteArray();
  }

  private static void header(byte[] out, byte flags) {
    out[0] = MAGIC_0;
    out[1] = MAGIC_1;
    out[2] = VERSION;
    out[3] = flags;
  }

  /** Decodes with no bound but the largest array (for tests). */
  static GexAnalysis decode(byte[] stored) {
    return decode(stored, Integer.MAX_VALUE - 8);
  }

  /**
   * Reads a stored analysis.
   *
   * @param maxJsonBytes the largest JSON accepted, decompressed; decompression stops once past it
   * @throws GexException if the bytes are not a stored analysis of this version, or hold more than {@code
   *     maxJsonBytes} of JSON (the message says why)
   */
  static GexAnalysis decode(byte[] stored, int maxJsonBytes) {
    if (stored.length < HEADER || stored[0] != MAGIC_0 || stored[1] != MAGIC_1) {
      throw new GexException("not a stored gex analysis (bad header, " + stored.length + " bytes)");
    }
    if (stored[2] != VERSION) {
      throw new GexException(
          "stored analysis has format version " + stored[2] + ", this reader knows " + VERSION);
    }
    byte flags = stored[3];
    if ((flags & ~FLAG_GZIP) != 0) {
      throw new GexException("stored analysis has unknown flags " + flags);
    }
    byte[] json;
    if ((flags & FLAG_GZIP) != 0) {
      try (InputStream in =
          new GZIPInputStream(new ByteArrayInputStream(stored, HEADER, stored.length - HEADER))) {
        json = readAtMost(in, maxJsonBytes);
      } catch (IOException e) {
        throw new GexException("stored analysis is not valid gzip: " + e.getMessage(), e);
      }
    } else {
      if (stored.length - HEADER > maxJsonBytes) {
        throw tooLarge(maxJsonBytes);
      }
      json = Arrays.copyOfRange(stored, HEADER, stored.length);
    }
    return GexJson.analysisFromBytes(json);
  }

  /**
   * Reads the stream to its end, failing as soon as it yields more than {@code max} bytes: memory stays
   * within about {@code max} however much the stream would inflate to. (The JDK's readNBytes stops at a
   * count but cannot say whether the stream ended there, hence the one extra byte.)
   */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] json = in.readNBytes(max);
    if (json.length == max && in.read() >= 0) {
      throw tooLarge(max);
    }
    return json;
  }

  private static GexException tooLarge(int max) {
    return new GexException("stored analysis is larger than the limit of " + max + " bytes of JSON");
  }
}
