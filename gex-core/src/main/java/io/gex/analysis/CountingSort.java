package io.gex.analysis;

import java.util.Arrays;

/**
 * Stable counting sorts of indices by small integer keys, O(items + keys), for the analysers that group
 * contracts or terms (by strike and expiry, by bucket and peak, by the grid point where a lane starts or
 * ends) without sorting boxed indices.
 *
 * <p>Stateless; the arrays passed belong to the caller.
 */
final class CountingSort {

  private CountingSort() {}

  /** {@code 0, 1, ..., n - 1}. */
  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** The items in order of {@code keys[item]} (each in {@code base .. base + keyCount - 1}), stable. */
  static int[] sort(int[] items, int[] keys, int base, int keyCount) {
    int[] sorted = new int[items.length];
    sort(items, items.length, keys, base, keyCount, new int[keyCount + 1], sorted);
    return sorted;
  }

  /**
   * Writes the first {@code n} items into {@code into} in order of {@code keys[item]} (each in {@code base ..
   * base + keyCount - 1}), stably; {@code start[k]} receives the first position of key {@code base + k}, and
   * {@code start[keyCount]} the end (n).
   *
   * @param start at least {@code keyCount + 1} long; overwritten
   * @param into at least {@code n} long
   */
  static void sort(int[] items, int n, int[] keys, int base, int keyCount, int[] start, int[] into) {
    Arrays.fill(start, 0, keyCount + 1, 0);
    for (int q = 0; q < n; q++) {
      start[keys[items[q]] - base + 1]++;
    }
    for (int k = 0; k < keyCount; k++) {
      start[k + 1] += start[k];
    }
    for (int q = 0; q < n; q++) {
      int item = items[q];
      into[start[keys[item] - base]++] = item;
    }
    // The fill moved each key's start to the next key's: shift back.
    System.arraycopy(start, 0, start, 1, keyCount);
    start[0] = 0;
  }
  /**
   * Writes {@code 0 .. n - 1} into {@code into} in order of {@code major[item]} (each in {@code 0 ..
   * majorCount - 1}), then of {@code minor[item]} (each in {@code minorBase .. minorBase + minorCount -
   * 1}), then of the item (stable); {@code start[k]} receives the first position of major key k, and {@code
   * start[majorCount]} the end (n). Two counting sorts, O(n + keys), unless the items are in that order
   * already (as sources list contracts: by expiry, then strike), which one pass finds.
   *
   * @param start at least {@code majorCount + 1} long; overwritten
   * @param into at least {@code n} long
   */
  static void byTwoKeys(
      int n,
      int[] major,
      int majorCount,
      int[] minor,
      int minorBase,
      int minorCount,
      int[] start,
      int[] into) {
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = major[i] > major[i - 1] || (major[i] == major[i - 1] && minor[i] >= minor[i - 1]);
    }
    if (!sorted) {
      sort(sort(identity(n), minor, minorBase, minorCount), n, major, 0, majorCount, start, into);
      return;
    }
    Arrays.fill(start, 0, majorCount + 1, 0);
    for (int i = 0; i < n; i++) {
      into[i] = i;
      start[major[i] + 1]++;
    }
    for (int k = 0; k < majorCount; k++) {
      start[k + 1] += start[k];
    }
  }
}
