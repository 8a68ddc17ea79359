package io.gex.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files {@link GexReport} wrote: the {@code index.html} page and the PNG pages of each chart drawn (a
 * chart with nothing to draw, such as dealer exposures without data, has no entry; the heatmap has one
 * file per page).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param index the HTML page
 * @param pages the PNG files of each chart drawn, in {@link ChartKind} order, each list non-empty and in
 *     page order
 */
public record ReportFiles(Path index, Map<ChartKind, List<Path>> pages) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a chart has an empty list of pages
   */
  public ReportFiles {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(pages, "pages");
    Map<ChartKind, List<Path>> copy = new EnumMap<>(ChartKind.class);
    pages.forEach(
        (kind, files) -> {
          if (files.isEmpty()) {
            throw new IllegalArgumentException("pages of " + kind + " must not be empty");
          }
          copy.put(kind, List.copyOf(files));
        });
    pages = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
  }

  /** The first (for most charts the only) PNG of each chart drawn, in {@link ChartKind} order. */
  public Map<ChartKind, Path> images() {
    Map<ChartKind, Path> first = new EnumMap<>(ChartKind.class);
    pages.forEach((kind, files) -> first.put(kind, files.get(0)));
    return first.isEmpty() ? Map.of() : Collections.unmodifiableMap(first);
  }

  /** Every written file: the chart pages in {@link ChartKind} and page order, then the HTML page. */
  public List<Path> all() {
    List<Path> all = new ArrayList<>();
    pages.values().forEach(all::addAll);
    all.add(index);
    return List.copyOf(all);
  }
}
