/**
 * gex examples: the {@code gex} command line ({@link io.gex.examples.cli.GexCli}), runnable examples
 * ({@link io.gex.examples.QuickStart}, {@link io.gex.examples.WebhookAlertListener}) and an example
 * alert-rule plugin ({@link io.gex.examples.plugin.ZeroGammaShiftRule}), declared here with {@code
 * provides} and in {@code META-INF/services/io.gex.alerts.AlertRule}, so class-path and module-path users
 * both find it.
 */
@org.jspecify.annotations.NullMarked
module io.gex.examples {
  requires static org.jspecify;
  requires io.gex.core;
  requires io.gex.sources;
  requires io.gex.json;
  requires io.gex.alerts;
  requires io.gex.charts;
  requires io.gex.server;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires org.slf4j;
  requires ch.qos.logback.classic;
  requires ch.qos.logback.core;
  requires info.picocli;

  exports io.gex.examples;
  exports io.gex.examples.cli;
  exports io.gex.examples.plugin;

  // picocli fills the command and option classes by reflection.
  opens io.gex.examples.cli to
      info.picocli;

  provides io.gex.alerts.AlertRule with
      io.gex.examples.plugin.ZeroGammaShiftRule;
}
