package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.chain.OptionChain;
import io.gex.examples.cli.Cli.Result;
import io.gex.spi.OptionChainSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --plugins DIR}: a jar compiled here, in the test, holding an alert rule, an alert listener and an
 * option-chain source that are nowhere on the class path, is loaded by the command line; its rule raises,
 * its listener is told, and its source reads a file no built-in source recognises, with the {@code --spot}
 * and {@code --underlying} parameters.
 */
class GexCliPluginsTest {

  @TempDir static Path work;

  static Path pluginDir;
  static Path tinyFile;

  private static final String RULE =
      """
      package testplugin;

      import io.gex.GexAnalysis;
      import io.gex.alerts.AlertRule;
      import io.gex.alerts.AlertSeverity;
      import io.gex.alerts.GexAlert;
      import io.gex.alerts.RuleSettings;
      import java.util.List;
      import java.util.Optional;

      public final class MarkerRule implements AlertRule {
        public MarkerRule() {}

        @Override public String id() { return "test.plugin-marker"; }

        @Override
        public List<GexAlert> evaluate(GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings s) {
          return List.of(GexAlert.builder(id(), current).severity(AlertSeverity.LOW)
              .message("plugin rule saw " + current.symbol()).build());
        }
      }
      """;

  /** Appends each alert's message to the file named by the system property {@value #LISTENER_FILE}. */
  private static final String LISTENER =
      """
      package testplugin;

      import io.gex.alerts.AlertListener;
      import io.gex.alerts.GexAlert;
      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.nio.file.StandardOpenOption;

      public final class FileListener implements AlertListener {
        public FileListener() {}

        @Override public void onAlert(GexAlert alert) {
          String file = System.getProperty("gex.test.listener.file");
          if (file == null) {
            return;
          }
          try {
            Files.writeString(Path.of(file), alert.ruleId() + ": " + alert.message() + "\\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      """;

  private static final String LISTENER_FILE = "gex.test.listener.file";

  /** A source of files starting with TINY: one expiry, calls and puts at five strikes around spot. */
  private static final String SOURCE =
      """
      package testplugin;

      import io.gex.chain.OptionChain;
      import io.gex.chain.OptionContract;
      import io.gex.chain.OptionRight;
      import io.gex.spi.OptionChainSource;
      import io.gex.spi.SourceRequest;
      import java.nio.charset.StandardCharsets;
      import java.time.Instant;
      import java.time.LocalDate;
      import java.util.ArrayList;
      import java.util.List;

      public final class TinySource implements OptionChainSource {
        public TinySource() {}

        @Override public String id() { return "tiny"; }

        @Override public String description() { return "test plugin source"; }

        @Override public boolean canRead(byte[] head) {
          return new String(head, StandardCharsets.US_ASCII).startsWith("TINY");
        }

        @Override public OptionChain load(SourceRequest request) {
          double spot = Double.parseDouble(request.parameter("spot").orElse("100"));
          String underlying = request.parameter("underlying").orElse("TINY");
          LocalDate expiry = LocalDate.of(2024, 1, 19);
          List<OptionContract> contracts = new ArrayList<>();
          for (int i = -2; i <= 2; i++) {
            double strike = Math.round(spot * (1 + i * 0.02));
            contracts.add(OptionContract.of(underlying, expiry, OptionRight.CALL, strike, 1000, 0.2));
            contracts.add(OptionContract.of(underlying, expiry, OptionRight.PUT, strike, 1500, 0.2));
          }
          return OptionChain.of(underlying, spot, Instant.parse("2024-01-02T15:00:00Z"), contracts);
        }
      }
      """;

  @BeforeAll
  static void buildThePluginJar() throws IOException, URISyntaxException {
    Path src = Files.createDirectories(work.resolve("src/testplugin"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Files.writeString(src.resolve("MarkerRule.java"), RULE, StandardCharsets.UTF_8);
    Files.writeString(src.resolve("TinySource.java"), SOURCE, StandardCharsets.UTF_8);
    Files.writeString(src.resolve("FileListener.java"), LISTENER, StandardCharsets.UTF_8);
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            location(GexAnalysis.class),
            location(AlertRule.class),
            location(OptionChainSource.class),
            location(OptionChain.class));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null, null, null, "-d", classes.toString(), "-cp", classPath,
            src.resolve("MarkerRule.java").toString(), src.resolve("TinySource.java").toString(),
            src.resolve("FileListener.java").toString());
    assertThat(status).as("compiling the plugin").isZero();

    pluginDir = Files.createDirectories(work.resolve("plugins"));
    try (OutputStream file = Files.newOutputStream(pluginDir.resolve("test-plugin.jar"));
        JarOutputStream jar = new JarOutputStream(file)) {
      List<Path> classFiles;
      try (Stream<Path> walk = Files.walk(classes)) {
        classFiles = walk.filter(p -> p.toString().endsWith(".class")).toList();
      }
      for (Path c : classFiles) {
        jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(c));
        jar.closeEntry();
      }
      service(jar, "io.gex.alerts.AlertRule", "testplugin.MarkerRule");
      service(jar, "io.gex.spi.OptionChainSource", "testplugin.TinySource");
      service(jar, "io.gex.alerts.AlertListener", "testplugin.FileListener");
    }
    // A file that is not a jar is left alone.
    Files.writeString(pluginDir.resolve("README.txt"), "not a plugin", StandardCharsets.UTF_8);
    tinyFile = Files.writeString(work.resolve("chain.tiny"), "TINY chain\n", StandardCharsets.UTF_8);
  }

  @Test
  void plugins_ruleAndSourceFromTheJar_areUsed_withSpotAndUnderlying() throws IOException {
    JsonNode j =
        Cli.json(
            Cli.run(
                "analyze", tinyFile.toString(), "--plugins", pluginDir.toString(), "--format", "json",
                "--spot", "250", "--underlying", "XYZ"));

    assertThat(j.get("symbol").asText()).isEqualTo("XYZ");
    assertThat(j.get("spot").asDouble()).isEqualTo(250.0);
    assertThat(j.get("contractsUsed").asInt()).isEqualTo(10);
    assertThat(j.get("byStrike").get(0).get("strike").asDouble()).isCloseTo(240.0, within(0.5));
    List<String> rules = new ArrayList<>();
    j.get("alerts").forEach(a -> rules.add(a.get("ruleId").asText()));
    assertThat(rules).contains("test.plugin-marker");
    assertThat(j.get("alerts").toString()).contains("plugin rule saw XYZ");

    String text = Cli.run("analyze", tinyFile.toString(), "--plugins", pluginDir.toString()).out();
    assertThat(text).startsWith("TINY  spot 100.00").contains("read by tiny").contains("LOW     plugin rule saw TINY");
  }

  @Test
  void plugins_listenerFromTheJar_isToldOfEveryRaisedAlert() throws IOException {
    Path told = work.resolve("told.txt");
    System.setProperty(LISTENER_FILE, told.toString());
    try {
      Result r = Cli.run("analyze", tinyFile.toString(), "--plugins", pluginDir.toString(), "--underlying", "ABC");
      assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    } finally {
      System.clearProperty(LISTENER_FILE);
    }
    assertThat(Files.readString(told, StandardCharsets.UTF_8)).contains("test.plugin-marker: plugin rule saw ABC");
  }

  @Test
  void plugins_settingsOfThePluginRule_apply() {
    Result r =
        Cli.run(
            "analyze", tinyFile.toString(), "--plugins", pluginDir.toString(),
            "-Dgex.alerts.test.plugin-marker.enabled=false");

    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out()).contains("Alerts: none raised");
  }

  @Test
  void withoutPlugins_theSourceAndRuleAreUnknown() {
    Result r = Cli.run("analyze", tinyFile.toString());

    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.err()).startsWith("gex: cannot tell the format of " + tinyFile);
    assertThat(Cli.run("sources").out()).doesNotContain("tiny");
  }

  @Test
  void sources_listsThePluginSource() {
    Result r = Cli.run("sources", "--plugins", pluginDir.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("tiny").contains("test plugin source").contains("cboe-csv");
  }

  @Test
  void plugins_emptyDirectory_isABadCommandLine() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty-plugins"));

    Result r = Cli.run("analyze", tinyFile.toString(), "--plugins", empty.toString());

    assertThat(r.exit()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(r.errLines()).containsExactly("gex: --plugins " + empty + ": the directory holds no .jar file");
  }

  private static void service(JarOutputStream jar, String spi, String provider) throws IOException {
    jar.putNextEntry(new JarEntry("META-INF/services/" + spi));
    jar.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
    jar.closeEntry();
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
