package io.gex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's Java example is {@link QuickStart}'s code, which {@link QuickStartTest} runs. */
class ReadmeTest {

  private static final Path README = Path.of("../README.md");
  private static final Path QUICK_START = Path.of("src/main/java/io/gex/examples/QuickStart.java");

  @Test
  void readmeJavaExample_isTheWholeQuickStartClass() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Use it from Java"));
    int start = section.indexOf("```java\n") + "```java\n".length();
    String block = section.substring(start, section.indexOf("```", start));

    assertThat(block).isEqualTo(Files.readString(QUICK_START, StandardCharsets.UTF_8));
  }

  @Test
  void readmeJavaSection_saysToInstallAndNamesTheDependencies() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Use it from Java"), readme.indexOf("## Modules"));
    assertThat(section)
        .contains("./mvnw -q install -DskipTests")
        .contains("<artifactId>gex-core</artifactId>")
        .contains("<artifactId>gex-sources</artifactId>")
        .contains("<artifactId>slf4j-simple</artifactId>");
  }

  @Test
  void readmeFirstCommandOutput_isTheGoldenSpxSummary() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("What the first command prints"));
    int start = section.indexOf("```text\n") + "```text\n".length();
    String block = section.substring(start, section.indexOf("```", start));
    assertThat(block)
        .isEqualTo(
            Files.readString(Path.of("src/test/resources/golden/spx-analyze.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void readme_startsWithTheTwoCommands() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String commands = readme.substring(readme.indexOf("## Two commands"));
    commands = commands.substring(commands.indexOf("```sh"), commands.indexOf("```", commands.indexOf("```sh") + 5));
    assertThat(commands)
        .contains("./gex analyze data/cboe-spx-2022-12-12.csv")
        .contains("./mvnw verify");
    assertThat(Files.isExecutable(Path.of("../gex"))).isTrue();
    assertThat(Files.readString(Path.of("../.ci/run"), StandardCharsets.UTF_8)).contains("./mvnw -B -ntp verify");
  }

}
