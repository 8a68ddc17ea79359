package io.gex.flink;

import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.live.MarketEvent;
import io.gex.source.TickFile;
import io.gex.source.TradeTape;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The events of a directory of snapshots and tick files, the backfill input of {@code --replay DIR}.
 *
 * <ul>
 *   <li>Every regular file under DIR (recursively, in path order) whose name ends in {@code .csv}, {@code
 *       .json} or {@code .gz} is read: a tick file ({@link TickFile}, told by its header) gives market
 *       events; a trade tape ({@link TradeTape}, told by its header) is left out (the job prices positions
 *       from open interest, the {@code oi} position model; folding trades into customer flow on Flink is
 *       not done yet); any other is a snapshot read by the source that recognises it (as {@code gex
 *       analyze FILE} reads it). Other files (a README, a licence) are left out.
 *   <li>A tick file's events are of the underlying of its spot rows; a tick file without spot rows is of the
 *       underlying whose snapshots list its contracts' roots.
 *   <li>All events are merged in time order, stably (path order, then row order, at equal times), so each
 *       underlying's events are in event-time order and the watermark can follow the times exactly.
 * </ul>
 *
 * <p>A file that cannot be read, or a tick file with a bad row, fails the whole read with a message naming
 * the file (and line). This class is immutable and thread-safe.
 */
public final class ReplayFiles {

  private ReplayFiles() {}

  /**
   * Reads DIR.
   *
   * @return the events in time order
   * @throws IllegalArgumentException if DIR is not a directory, holds nothing to replay, or a file cannot be
   *     read (the message names it)
   */
  public static List<GexEvent> read(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("replay: " + dir + " is not a directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(ReplayFiles::replayable).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("replay: cannot list " + dir, e);
    }
    ChainSources sources = ChainSources.builder().noSystemProperty().build();
    List<GexEvent> snapshots = new ArrayList<>();
    List<Object> order = new ArrayList<>(); // per file, in path order: a GexEvent or a TickFile
    for (Path file : files) {
      try {
        if (TradeTape.isTradeTape(file)) {
          continue;
        }
        if (TickFile.isTickFile(file)) {
          TickFile t = TickFile.read(file);
          List<ContractDiagnostic> bad = t.diagnostics();
          if (!bad.isEmpty()) {
            ContractDiagnostic d = bad.get(0);
            throw new IllegalArgumentException(
                d.location() + ": " + d.field() + " '" + d.value() + "': " + d.detail()
                    + " (" + t.rejectedRows() + " bad rows in " + file + ")");
          }
          order.add(t);
        } else {
          OptionChain chain = sources.detect(file).load(SourceRequest.of(file));
          GexEvent e = GexEvent.snapshot(chain);
          snapshots.add(e);
          order.add(e);
        }
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("replay: " + file + ": " + e.getMessage(), e);
      }
    }
    if (order.isEmpty()) {
      throw new IllegalArgumentException("replay: " + dir + " holds no snapshot or tick file");
    }
    Map<String, String> underlyingOfRoot = new HashMap<>();
    for (GexEvent s : snapshots) {
      for (OptionContract c : Objects.requireNonNull(s.snapshot()).contracts()) {
        underlyingOfRoot.putIfAbsent(c.symbol().root(), s.underlying());
      }
    }
    List<GexEvent> all = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof GexEvent e) {
        all.add(e);
        continue;
      }
      TickFile t = (TickFile) o;
      String underlying = t.underlying().orElseGet(() -> underlyingOf(t, underlyingOfRoot));
      for (MarketEvent e : t.events()) {
        all.add(GexEvent.market(underlying, e));
      }
    }
    all.sort(Comparator.comparing(GexEvent::time)); // List.sort is stable
    return all;
  }

  private static String underlyingOf(TickFile t, Map<String, String> underlyingOfRoot) {
    for (MarketEvent e : t.events()) {
      String root = null;
      if (e instanceof MarketEvent.ContractField f) {
        root = f.contract().root();
      } else if (e instanceof MarketEvent.Delisted d) {
        root = d.contract().root();
      } else if (e instanceof MarketEvent.Listed l) {
        root = l.contract().symbol().root();
      }
      if (root != null) {
        String u = underlyingOfRoot.get(root);
        if (u == null) {
          throw new IllegalArgumentException(
              "replay: " + t.file() + ": no spot row and no snapshot lists root " + root
                  + ", so its underlying is unknown");
        }
        return u;
      }
    }
    throw new IllegalArgumentException("replay: " + t.file() + ": no event names an underlying");
  }

  private static boolean replayable(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".gz");
  }
}
