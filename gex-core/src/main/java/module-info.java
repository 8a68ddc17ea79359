/** gex core: the option-chain model, greeks, exposures, gamma flip, the engine and the SPIs. */
module io.gex.core {
  requires static org.jspecify;
  requires org.apache.commons.numbers.rootfinder;
  requires org.apache.commons.numbers.gamma;
  requires org.slf4j;
  requires com.github.benmanes.caffeine;

  exports io.gex;
  exports io.gex.analysis;
  exports io.gex.chain;
  exports io.gex.greeks;
  exports io.gex.live;
  exports io.gex.spi;
  exports io.gex.store;
  exports io.gex.cache;

  uses io.gex.spi.OptionChainSource;
  uses io.gex.spi.GexStore;
  uses io.gex.cache.GexCache;
}
