package io.gex.cache;

/**
 * A 128-bit hash of a stream of 64-bit words: the block and finalisation steps of MurmurHash3 x64/128,
 * fed whole words instead of bytes. Not cryptographic; used for cache-key fingerprints, where only
 * accidental collisions matter (about 2<sup>-64</sup> for 2<sup>32</sup> distinct inputs). Not
 * thread-safe.
 */
final class Hash128 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long h1;
  private long h2;
  private long pending;
  private boolean hasPending;
  private long words;

  Hash128(long seed) {
    h1 = seed;
    h2 = seed;
  }

  Hash128 putLong(long value) {
    if (hasPending) {
      mix(pending, value);
      hasPending = false;
    } else {
      pending = value;
      hasPending = true;
    }
    words++;
    return this;
  }

  Hash128 putInt(int value) {
    return putLong(value);
  }

  /** The bits of a double; every NaN hashes alike, {@code -0.0} and {@code 0.0} differ. */
  Hash128 putDouble(double value) {
    return putLong(Double.doubleToLongBits(value));
  }

  /** The length, then the UTF-16 units packed four to a word, so "ab","c" and "a","bc" differ. */
  Hash128 putString(String value) {
    int n = value.length();
    putLong(n);
    long word = 0;
    int inWord = 0;
    for (int i = 0; i < n; i++) {
      word = (word << 16) | value.charAt(i);
      if (++inWord == 4) {
        putLong(word);
        word = 0;
        inWord = 0;
      }
    }
    if (inWord > 0) {
      putLong(word);
    }
    return this;
  }

  private void mix(long k1, long k2) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;

    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  /** Finishes the hash into {@code out[0]} (high word) and {@code out[1]} (low word). */
  void finish(long[] out) {
    long a = h1;
    long b = h2;
    if (hasPending) {
      long k1 = pending * C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      a ^= k1;
    }
    long length = words * 8;
    a ^= length;
    b ^= length;
    a += b;
    b += a;
    a = fmix64(a);
    b = fmix64(b);
    a += b;
    b += a;
    out[0] = a;
    out[1] = b;
  }

  /** The finished hash as 32 lowercase hex digits. */
  String finishHex() {
    long[] out = new long[2];
    finish(out);
    return hex(out[0], out[1]);
  }

  static String hex(long high, long low) {
    char[] chars = new char[32];
    writeHex(high, chars, 0);
    writeHex(low, chars, 16);
    return new String(chars);
  }

  private static void writeHex(long value, char[] chars, int at) {
    for (int i = 15; i >= 0; i--) {
      chars[at + i] = Character.forDigit((int) (value & 0xF), 16);
      value >>>= 4;
    }
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
