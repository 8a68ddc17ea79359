package io.gex.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/**
 * A class loader that shows {@link java.util.ServiceLoader} one test scenario: its {@code
 * META-INF/services} files are those under a test-resource folder such as {@code providers/broken/}, and
 * the fixture providers are defined afresh in this loader's unnamed module.
 *
 * <p>That makes the discovery tests behave the same whether Surefire runs them on the class path or
 * patched into the {@code io.gex.core} module, where {@code ServiceLoader} would ignore {@code
 * META-INF/services} files and classes of the named module.
 */
final class ServiceFileClassLoader extends ClassLoader {
  private static final String FIXTURES = "io.gex.spi.fixtures.";

  private final String folder;

  /**
   * @param folder the test-resource folder holding {@code META-INF/services/...}, such as {@code
   *     providers/one/}
   */
  ServiceFileClassLoader(String folder) {
    super("service-files-" + folder, ServiceFileClassLoader.class.getClassLoader());
    this.folder = folder;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(FIXTURES) || name.endsWith("package-info")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) {
        return loaded;
      }
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (name.startsWith("META-INF/services/")) {
      URL url = getParent().getResource(folder + name);
      return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(url));
    }
    return super.getResources(name);
  }
}
