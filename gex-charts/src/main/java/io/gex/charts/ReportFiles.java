package io.gex.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files {@link GexReport} wrote: the {@code index.html} page and the PNG of each chart drawn (a chart
 * with nothing to draw, such as dealer exposures without data, has no entry).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param index the HTML page
 * @param images the PNG of each chart drawn, in {@link ChartKind} order
 */
public record ReportFiles(Path index, Map<ChartKind, Path> images) {

  /** Validates and copies. */
  public ReportFiles {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(images, "images");
    images =
        images.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(images));
  }

  /** Every written file: the images in {@link ChartKind} order, then the HTML page. */
  public List<Path> all() {
    List<Path> all = new ArrayList<>(images.values());
    all.add(index);
    return List.copyOf(all);
  }
}
