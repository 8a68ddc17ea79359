/**
 * Option-chain sources, each an {@link io.gex.spi.OptionChainSource} found by {@link
 * io.gex.spi.ChainSources} under its id:
 *
 * <ul>
 *   <li>{@link io.gex.source.CboeJsonSource} {@code cboe-json}: CBOE's delayed-quotes JSON, from a file or
 *       over HTTP;
 *   <li>{@link io.gex.source.CboeCsvSource} {@code cboe-csv}: CBOE's quote-table CSV (calls and puts side by
 *       side);
 *   <li>{@link io.gex.source.CsvChainSource} {@code csv}: a plain CSV with one contract per row, for users'
 *       own data;
 *   <li>{@link io.gex.source.YahooCsvSource} {@code yahoo-csv}: a Yahoo Finance option chain as yfinance
 *       writes it to CSV (the spot comes from the request);
 *   <li>{@link io.gex.source.OptionsDxSource} {@code optionsdx-csv}: OptionsDX end-of-day CSV (no open
 *       interest in it: see the class);
 *   <li>{@link io.gex.source.SyntheticChainSource} {@code synthetic}: a seeded generator of realistic chains
 *       of any size.
 * </ul>
 *
 * <p>The file readers stream (they never hold a file as one string), skip a row they cannot read with a
 * {@link io.gex.chain.ContractDiagnostic.Reason#MALFORMED MALFORMED} diagnostic naming the line, field and
 * value, and reject a file they cannot read as a whole with an {@link io.gex.ChainSourceException} naming
 * the line or field and the value, or with no readable row at all. Files may be gzip-compressed ({@link
 * io.gex.spi.ChainSources#openFile}). The spot and underlying given with a request ({@link
 * io.gex.spi.SourceRequest#withSpot}, {@link io.gex.spi.SourceRequest#withUnderlying}) win over the file's.
 * All sources are immutable and thread-safe.
 */
@NullMarked
package io.gex.source;

import org.jspecify.annotations.NullMarked;
