package io.gex.spi;

import io.gex.ChainSourceException;
import io.gex.chain.OptionChain;

/**
 * Reads an {@link OptionChain} from somewhere: a file, an HTTP feed, a generator. This is the SPI the
 * {@code gex-sources} module implements ({@code cboe-json}, {@code cboe-csv}, {@code csv}, {@code
 * synthetic}) and that users implement for their own data.
 *
 * <p>Only {@link #load} is abstract. A provider found by {@link java.util.ServiceLoader} needs a public
 * no-argument constructor (or a public static {@code provider()} method) and is declared both in its
 * module's {@code module-info.java} ({@code provides io.gex.spi.OptionChainSource with ...}) and in {@code
 * META-INF/services/io.gex.spi.OptionChainSource}; {@link ChainSources} finds it.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>A file or feed that cannot be read as a whole (missing, malformed header, no spot, truncated, an
 *       HTTP error) fails with a {@link ChainSourceException} whose message names the line or field and
 *       the value at fault.
 *   <li>A single row that cannot be read is skipped and recorded as a {@link
 *       io.gex.chain.ContractDiagnostic.Reason#MALFORMED MALFORMED} diagnostic on the chain; it is never
 *       fatal.
 *   <li>Input is streamed: implementations do not read a whole file into memory as text.
 *   <li>Implementations are thread-safe: one instance may serve concurrent {@link #load} calls.
 * </ul>
 */
public interface OptionChainSource {

  /**
   * Reads a chain.
   *
   * @param request what to read: a location, an optional valuation-instant override, parameters
   * @return the chain, with a diagnostic for every row that was skipped
   * @throws ChainSourceException if the input cannot be read as a whole; the message names the line or
   *     field and the value
   * @throws IllegalArgumentException if a request parameter is invalid (the message names it and its value)
   */
  OptionChain load(SourceRequest request);

  /**
   * A short, stable id such as {@code cboe-json}, used to choose a source by name (command line, the
   * {@code gex.source} system property). Providers override it; the default is the class name.
   */
  default String id() {
    return getClass().getName();
  }

  /**
   * Whether this source recognises a file by its first bytes (content sniffing for automatic detection).
   * The default recognises nothing, which suits sources that do not read files.
   *
   * <p>{@link ChainSources} shows the content of a gzip file decompressed; a source that accepts such a file
   * should open it with {@link ChainSources#openFile}, which decompresses it again.
   *
   * @param head the first few kilobytes of the file (possibly fewer, possibly cut mid-line or mid-character)
   */
  default boolean canRead(byte[] head) {
    return false;
  }

  /** One line for people, such as {@code "CBOE delayed-quotes JSON (file or HTTP)"}; defaults to the id. */
  default String description() {
    return id();
  }
}
