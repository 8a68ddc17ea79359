package io.gex.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules are also found on the module path, through {@code provides} in module-info (tests
 * otherwise run on the class path). Builds a module layer from the compiled module and its dependencies.
 */
class ModulePathDiscoveryTest {

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> servicesFile(Path classes) throws Exception {
    return Files.readAllLines(classes.resolve("META-INF/services/io.gex.alerts.AlertRule"), StandardCharsets.UTF_8)
        .stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  @Test
  void moduleInfoProvides_matchesTheServicesFile() throws Exception {
    Path classes = location(AlertRule.class);
    ModuleDescriptor descriptor =
        ModuleFinder.of(classes).find("io.gex.alerts").orElseThrow().descriptor();
    List<String> provided =
        descriptor.provides().stream()
            .filter(p -> p.service().equals("io.gex.alerts.AlertRule"))
            .flatMap(p -> p.providers().stream())
            .toList();
    assertThat(provided).containsExactlyElementsOf(servicesFile(classes)).hasSize(6);
    assertThat(descriptor.uses()).containsExactlyInAnyOrder("io.gex.alerts.AlertRule", "io.gex.alerts.AlertListener");
    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .isEqualTo(Set.of("io.gex.alerts", "io.gex.alerts.rules"));
  }

  /**
   * io.gex.alerts and what it requires (transitively, leaving out {@code requires static}), taken from the
   * class path: each entry is read as a module on its own, and only the ones needed are kept.
   */
  private static List<Path> modulePath(Path classes) throws Exception {
    Map<String, Path> byName = new HashMap<>();
    Map<String, ModuleDescriptor> descriptors = new HashMap<>();
    List<Path> candidates = new ArrayList<>(List.of(classes, location(GexAnalysis.class)));
    List<String> classPath =
        Pattern.compile(Pattern.quote(File.pathSeparator))
            .splitAsStream(System.getProperty("java.class.path"))
            .toList();
    for (String entry : classPath) {
      if (entry.endsWith(".jar")) {
        candidates.add(Path.of(entry));
      }
    }
    for (Path candidate : candidates) {
      try {
        for (ModuleReference ref : ModuleFinder.of(candidate).findAll()) {
          byName.putIfAbsent(ref.descriptor().name(), candidate);
          descriptors.putIfAbsent(ref.descriptor().name(), ref.descriptor());
        }
      } catch (RuntimeException notAModule) {
        // some test jars cannot be automatic modules; they are not needed here
      }
    }
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("io.gex.alerts"));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      ModuleDescriptor d = descriptors.get(name);
      if (d == null || !needed.add(name)) {
        continue; // a JDK module, or seen
      }
      for (ModuleDescriptor.Requires r : d.requires()) {
        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.push(r.name());
        }
      }
    }
    List<Path> path = new ArrayList<>();
    needed.forEach(n -> path.add(byName.get(n)));
    return path;
  }

  @Test
  void moduleLayer_serviceLoaderFindsTheSixBuiltIns() throws Exception {
    Path classes = location(AlertRule.class);
    ModuleFinder finder = ModuleFinder.of(modulePath(classes).toArray(Path[]::new));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration config =
        boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("io.gex.alerts"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
    Class<?> spi = layer.findLoader("io.gex.alerts").loadClass("io.gex.alerts.AlertRule");
    assertThat(spi).isNotSameAs(AlertRule.class);
    assertThat(spi.getModule().getName()).isEqualTo("io.gex.alerts");
    List<String> found =
        ServiceLoader.load(layer, spi).stream().map(p -> p.type().getName()).toList();
    assertThat(found).containsExactlyElementsOf(servicesFile(classes));
  }
}
