/**
 * gex sources: option-chain readers for CBOE's delayed-quotes JSON ({@code cboe-json}, file or HTTP), CBOE's
 * quote-table CSV ({@code cboe-csv}), a plain documented CSV ({@code csv}), a Yahoo Finance (yfinance)
 * option-chain CSV ({@code yahoo-csv}), OptionsDX end-of-day CSV ({@code optionsdx-csv}) and a seeded
 * synthetic chain generator ({@code synthetic}), provided through {@link io.gex.spi.OptionChainSource};
 * tick files of market events ({@link io.gex.source.TickFile}) and a seeded synthetic intraday session
 * ({@link io.gex.source.SyntheticSession}); tapes of option trades ({@link io.gex.source.TradeTape}) and a
 * seeded synthetic market of trades with known customer flow ({@link io.gex.source.SyntheticTape}).
 * Files may be gzip-compressed.
 */
module io.gex.sources {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires com.fasterxml.jackson.core;
  requires de.siegmar.fastcsv;
  requires java.net.http;

  exports io.gex.source;

  provides io.gex.spi.OptionChainSource with
      io.gex.source.CboeJsonSource,
      io.gex.source.CboeCsvSource,
      io.gex.source.CsvChainSource,
      io.gex.source.YahooCsvSource,
      io.gex.source.OptionsDxSource,
      io.gex.source.SyntheticChainSource;
}
