/**
 * gex core: the option-chain model, greeks, exposures, gamma flip, the engine, the chain-source SPI and the
 * lookup of every SPI's providers.
 */
module io.gex.core {
  requires static org.jspecify;
  requires org.apache.commons.numbers.rootfinder;
  requires org.apache.commons.numbers.gamma;
  requires org.slf4j;

  exports io.gex;
  exports io.gex.analysis;
  exports io.gex.chain;
  exports io.gex.greeks;
  exports io.gex.settings;
  exports io.gex.live;
  exports io.gex.spi;
  exports io.gex.positions;

  uses io.gex.spi.OptionChainSource;
  uses io.gex.positions.PositionModel;
}
