/** Jackson mapping of gex values: {@link io.gex.json.GexJson}. */
module io.gex.json {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports io.gex.json;

  // Jackson reads and builds the core records reflectively.
  opens io.gex.json to com.fasterxml.jackson.databind;
}
