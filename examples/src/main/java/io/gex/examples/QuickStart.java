package io.gex.examples;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The shortest useful program: read the bundled CBOE SPX snapshot (the format is detected from the file's
 * content), analyse it and print the headline levels. Run it from the repository root with {@code java -cp
 * examples/target/gex.jar io.gex.examples.QuickStart [FILE]}.
 *
 * <p>Exposures are dollars of underlying per 1% move of the index (printed in $bn); levels are index
 * points; a level that does not exist prints as {@code NaN}.
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Analyses {@code args[0]}, or {@code data/cboe-spx-2022-12-12.csv} relative to the working directory.
   *
   * @param args an optional snapshot file
   * @throws io.gex.GexException if the file cannot be read or holds no usable contract
   */
  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "data/cboe-spx-2022-12-12.csv");
    OptionChain chain = ChainSources.discover().load(SourceRequest.of(file));
    GexEngine engine = GexEngine.builder().build(); // r = q = 0; dealers long calls, short puts
    GexAnalysis gex = engine.analyze(chain);

    System.out.printf(
        Locale.ROOT, "%s spot %.2f, %d contracts%n", gex.symbol(), gex.spot(), gex.coverage().contractsUsed());
    System.out.printf(Locale.ROOT, "total GEX  %.2f $bn per 1%% move (%s)%n", gex.totalGex() / 1e9, gex.regime());
    System.out.printf(Locale.ROOT, "zero gamma %.2f%n", gex.zeroGamma().orElse(Double.NaN));
    System.out.printf(Locale.ROOT, "call wall  %.2f%n", gex.callWall().orElse(Double.NaN));
    System.out.printf(Locale.ROOT, "put wall   %.2f%n", gex.putWall().orElse(Double.NaN));
  }
}
