package io.gex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file checks: compares output with {@code src/test/resources/golden/NAME}. With {@code
 * -Dgex.golden.update=true} the file is rewritten instead: run {@code ./mvnw -B -ntp -pl examples -am test
 * -Dtest='GexCliTest,QuickStartTest' -Dsurefire.failIfNoSpecifiedTests=false -Dgex.golden.update=true}, then
 * read the diff before committing (examples/README.md, Tests).
 */
public final class Golden {

  /** The system property that rewrites the golden files. */
  public static final String UPDATE_PROPERTY = "gex.golden.update";

  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** Checks {@code actual} against the golden file {@code name}, or rewrites it. */
  public static void check(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as("golden file %s (create it with -D%s=true)", file.toAbsolutePath(), UPDATE_PROPERTY)
        .exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(actual)
        .as("output differs from %s; if the change is intended, rerun with -D%s=true", file, UPDATE_PROPERTY)
        .isEqualTo(expected);
  }
}
