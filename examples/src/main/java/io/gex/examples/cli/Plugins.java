package io.gex.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The class loader of {@code --plugins DIR}: every {@code .jar} directly in DIR (in name order) on a child
 * of the command line's own class loader, so a plugin sees gex's API and {@link java.util.ServiceLoader}
 * with this loader finds the plugins and the built-ins. Closing it closes the jars. Not thread-safe.
 */
final class Plugins implements AutoCloseable {

  private final @Nullable URLClassLoader loader;
  private final List<Path> jars;

  private Plugins(@Nullable URLClassLoader loader, List<Path> jars) {
    this.loader = loader;
    this.jars = List.copyOf(jars);
  }

  /** No plugin directory: the command line's own class loader. */
  static Plugins none() {
    return new Plugins(null, List.of());
  }

  /**
   * The jars of a directory.
   *
   * @throws UsageException if DIR is not a directory or holds no jar
   */
  static Plugins load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--plugins " + dir + ": no such directory");
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars =
          files
              .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("--plugins " + dir + ": cannot list the directory: " + e.getMessage(), e);
    }
    if (jars.isEmpty()) {
      throw new UsageException("--plugins " + dir + ": the directory holds no .jar file");
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UsageException("--plugins: cannot use " + jar + ": " + e.getMessage(), e);
      }
    }
    return new Plugins(
        new URLClassLoader("gex-plugins", urls.toArray(URL[]::new), GexCli.class.getClassLoader()),
        jars);
  }

  /** The loader to discover plugins with, or empty for the libraries' default. */
  @Nullable ClassLoader loader() {
    return loader;
  }

  /** The jars loaded, in order. */
  List<Path> jars() {
    return jars;
  }

  @Override
  public void close() {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        // Closing jars we only read: nothing to report to the user.
      }
    }
  }
}
