package io.gex.examples.cli;

import io.gex.chain.OptionChain;
import io.gex.source.SyntheticTape;
import io.gex.source.TradeTape;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gex tape FILE --out TAPE}: writes a synthetic tape of option trades over a chain ({@link
 * SyntheticTape}: seeded, customers' sides known), for trying {@code --positions flow}. Filled by picocli;
 * not thread-safe.
 */
@Command(
    name = "tape",
    mixinStandardHelpOptions = true,
    versionProvider = GexCli.Version.class,
    sortOptions = false,
    description =
        "Write a synthetic tape of option trades over the chain in FILE (a seeded market; see the README's"
            + " Dealer positions) as CSV, for analyze --trades TAPE --positions flow.")
final class TapeCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the option-chain snapshot to read")
  @Nullable Path file;

  @Option(names = "--out", paramLabel = "TAPE", required = true, description = "the CSV tape to write")
  @Nullable Path out;

  @Option(names = "--trades", paramLabel = "N", description = "number of trades (default 20000)")
  int trades = 20_000;

  @Option(names = "--seed", paramLabel = "SEED", description = "the generator's seed (default 1)")
  long seed = 1;

  @Option(names = "--source", paramLabel = "ID", description = "read FILE with this source")
  @Nullable String source;

  @Option(names = "--debug", description = "print the stack trace of an error")
  boolean debug;

  @Override
  public Integer call() {
    PrintWriter stdout = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    Path chainFile = Objects.requireNonNull(file, "file");
    Path tape = Objects.requireNonNull(out, "out");
    if (trades < 0) {
      throw new UsageException("--trades must be >= 0, was " + trades);
    }
    OptionChainSource reader =
        AnalysisRun.source(ChainSources.builder().noSystemProperty().build(), source, chainFile);
    List<SyntheticTape.LabelledTrade> labelled;
    try {
      OptionChain chain = reader.load(io.gex.spi.SourceRequest.of(chainFile));
      labelled = SyntheticTape.of(chain, seed, trades).labelled();
    } catch (RuntimeException e) {
      throw DataException.of(chainFile, e);
    }
    long bought = 0;
    long sold = 0;
    for (SyntheticTape.LabelledTrade l : labelled) {
      if (l.customerSide() > 0) {
        bought += l.trade().size();
      } else {
        sold += l.trade().size();
      }
    }
    try {
      TradeTape.write(tape, labelled.stream().map(SyntheticTape.LabelledTrade::trade).toList());
    } catch (RuntimeException e) {
      throw DataException.of(tape, e);
    }
    stdout.printf(
        "%s: %,d synthetic trades (seed %d); customers bought %,d and sold %,d contracts%n",
        tape, labelled.size(), seed, bought, sold);
    stdout.flush();
    return GexCli.EXIT_OK;
  }
}
