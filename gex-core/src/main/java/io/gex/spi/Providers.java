package io.gex.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where gex looks up the providers of a service-provider interface, in the style of SLF4J's
 * {@code LoggerFactory}, and reports what it found. Every module with plugins (chain sources, storage,
 * caches, alert rules) uses it instead of calling {@link ServiceLoader} itself.
 *
 * <p>Order and selection:
 *
 * <ol>
 *   <li>Providers registered explicitly with {@link Lookup#register} come first and win: the first of them
 *       is selected ({@link Selection#EXPLICIT}).
 *   <li>Otherwise, if the {@linkplain Lookup#systemProperty system property} is set, the provider whose id
 *       (or class name) it names is selected ({@link Selection#SYSTEM_PROPERTY}); a name that matches no
 *       provider is reported as a failure and the lookup goes on.
 *   <li>Otherwise the providers found by {@link ServiceLoader} (module path and {@code
 *       META-INF/services}), in the loader's order: the first is selected ({@link
 *       Selection#SERVICE_LOADER}); if there are several, a warning lists them all (unless {@link
 *       Lookup#severalExpected} says the SPI is a registry of many providers).
 *   <li>None at all: the {@linkplain Lookup#fallback fallback} when one is given ({@link Selection#DEFAULT}),
 *       else nothing ({@link Selection#NONE}).
 * </ol>
 *
 * <p>A provider that fails to load (its class is missing, is not a subtype, or its constructor throws) is
 * caught as a {@link ServiceConfigurationError} or {@link RuntimeException}, logged at WARN and reported in
 * {@link Report#failures()}; the lookup continues with the next provider. Two providers with the same id
 * keep the first (explicit before discovered) and are listed in {@link Report#duplicates()} with a warning.
 * Nothing is logged per provider at a level above DEBUG when all is well.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Providers.Report<OptionChainSource> report =
 *     Providers.lookup(OptionChainSource.class, OptionChainSource::id)
 *         .systemProperty("gex.source")
 *         .severalExpected(true)
 *         .discover();
 * }</pre>
 *
 * <p>This class has no state; {@link Lookup} is a mutable, not thread-safe builder, and {@link Report} is
 * immutable and thread-safe (as far as the providers it holds are).
 */
public final class Providers {

  private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

  /** Stops a pathological {@code META-INF/services} file from keeping the lookup busy forever. */
  private static final int MAX_FAILURES = 1_000;

  private Providers() {}

  /**
   * Starts a lookup of the providers of an SPI.
   *
   * @param spi the service interface
   * @param id how to name a provider (for selection by system property, duplicates and reports); an id
   *     function that throws or returns null counts as a failure of that provider
   * @param <S> the service type
   */
  public static <S> Lookup<S> lookup(Class<S> spi, Function<? super S, String> id) {
    return new Lookup<>(spi, id);
  }

  /** How {@link Report#selected()} was chosen. */
  public enum Selection {
    /** The first provider registered explicitly. */
    EXPLICIT,
    /** The provider named by the system property. */
    SYSTEM_PROPERTY,
    /** The first provider found by {@link ServiceLoader}. */
    SERVICE_LOADER,
    /** No provider was found; the caller's fallback. */
    DEFAULT,
    /** No provider and no fallback: nothing is selected. */
    NONE
  }

  /**
   * A provider that could not be loaded or used.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param provider what failed: a class name, an id or the service-file entry, as far as known
   * @param message what happened
   * @param cause the error caught, if any
   */
  public record Failure(String provider, String message, Optional<Throwable> cause) {
    /** Validates that every part is present. */
    public Failure {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String toString() {
      return provider + ": " + message;
    }
  }

  /**
   * What a lookup found.
   *
   * <p>This class is immutable and thread-safe (as far as the providers it holds are).
   *
   * @param spi the service interface
   * @param providers the usable providers, one per id, explicit registrations first, then discovered ones
   *     in {@link ServiceLoader} order; the fallback is not among them
   * @param selected the chosen provider (see {@link Providers} for the rules), empty if {@link
   *     Selection#NONE}
   * @param selection how it was chosen
   * @param failures providers that could not be loaded, and a system property naming no provider
   * @param duplicates for each id given by more than one provider, the class names of all of them in order
   *     (the first is the one kept)
   * @param <S> the service type
   */
  public record Report<S>(
      Class<S> spi,
      List<S> providers,
      Optional<S> selected,
      Selection selection,
      List<Failure> failures,
      Map<String, List<String>> duplicates) {

    /** Validates and copies. */
    public Report {
      Objects.requireNonNull(spi, "spi");
      Objects.requireNonNull(selected, "selected");
      Objects.requireNonNull(selection, "selection");
      providers = List.copyOf(providers);
      failures = List.copyOf(failures);
      Map<String, List<String>> copy = new LinkedHashMap<>();
      duplicates.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      duplicates = Collections.unmodifiableMap(copy);
      if (selected.isPresent() == (selection == Selection.NONE)) {
        throw new IllegalArgumentException(
            "selected must be present unless selection is NONE, was " + selection);
      }
    }

    /**
     * The selected provider.
     *
     * @throws IllegalStateException naming the SPI (and any failures) if none was selected
     */
    public S require() {
      return selected.orElseThrow(
          () ->
              new IllegalStateException(
                  "no provider of "
                      + spi.getName()
                      + " found (register one explicitly, add one to the module or class path)"
                      + (failures.isEmpty() ? "" : "; failures: " + failures)));
    }
  }

  /**
   * Configures and runs one lookup; not thread-safe. Obtain it from {@link Providers#lookup}.
   *
   * @param <S> the service type
   */
  public static final class Lookup<S> {
    private final Class<S> spi;
    private final Function<? super S, String> idFunction;
    private final List<S> explicit = new ArrayList<>();
    private @Nullable String systemProperty;
    private @Nullable ClassLoader classLoader;
    private boolean serviceLoader = true;
    private boolean severalExpected;
    private @Nullable Supplier<? extends S> fallback;

    private Lookup(Class<S> spi, Function<? super S, String> idFunction) {
      this.spi = Objects.requireNonNull(spi, "spi");
      this.idFunction = Objects.requireNonNull(idFunction, "id");
    }

    /** Registers a provider explicitly; explicit providers come first and win over discovered ones. */
    public Lookup<S> register(S provider) {
      explicit.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /** Registers providers explicitly, in order. */
    public Lookup<S> registerAll(Iterable<? extends S> providers) {
      Objects.requireNonNull(providers, "providers").forEach(this::register);
      return this;
    }

    /**
     * The name of a system property, such as {@code gex.source}, whose value names the provider to select
     * by id or class name (read when {@link #discover()} runs).
     */
    public Lookup<S> systemProperty(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("system property name must not be blank");
      }
      this.systemProperty = name;
      return this;
    }

    /**
     * The class loader whose module layers and {@code META-INF/services} files are searched; by default
     * the thread's context class loader, else the loader of the SPI.
     */
    public Lookup<S> classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** Whether to search with {@link ServiceLoader} at all (default true). */
    public Lookup<S> serviceLoader(boolean enabled) {
      this.serviceLoader = enabled;
      return this;
    }

    /**
     * Whether several providers are normal for this SPI (a registry, such as chain sources, where the
     * caller chooses per use); if so, finding several does not log a warning. Default false.
     */
    public Lookup<S> severalExpected(boolean expected) {
      this.severalExpected = expected;
      return this;
    }

    /** The visible default selected when no provider is found, such as an in-memory or no-op provider. */
    public Lookup<S> fallback(Supplier<? extends S> defaultProvider) {
      this.fallback = Objects.requireNonNull(defaultProvider, "defaultProvider");
      return this;
    }

    /** Runs the lookup; see {@link Providers} for the rules. */
    public Report<S> discover() {
      List<Failure> failures = new ArrayList<>();
      List<S> discovered = serviceLoader ? loadServices(failures) : List.of();

      Map<String, S> byId = new LinkedHashMap<>();
      Map<String, List<String>> classesById = new LinkedHashMap<>();
      List<S> explicitUnique = new ArrayList<>();
      List<S> discoveredUnique = new ArrayList<>();
      addUnique(explicit, byId, classesById, explicitUnique, failures);
      addUnique(discovered, byId, classesById, discoveredUnique, failures);
      Map<String, List<String>> duplicates = new LinkedHashMap<>();
      classesById.forEach(
          (id, classes) -> {
            if (classes.size() > 1) {
              duplicates.put(id, classes);
            }
          });
      if (!duplicates.isEmpty()) {
        LOG.warn(
            "Several providers of {} share an id; the first of each is used: {}",
            spi.getName(),
            duplicates);
      }

      List<S> all = new ArrayList<>(explicitUnique);
      all.addAll(discoveredUnique);
      @Nullable S selected = null;
      Selection selection;
      String propertyValue = readProperty();
      S byProperty = propertyValue == null ? null : named(propertyValue, byId);
      if (!explicitUnique.isEmpty()) {
        selected = explicitUnique.get(0);
        selection = Selection.EXPLICIT;
      } else if (byProperty != null) {
        selected = byProperty;
        selection = Selection.SYSTEM_PROPERTY;
      } else {
        if (propertyValue != null) {
          String message =
              "system property "
                  + systemProperty
                  + "="
                  + propertyValue
                  + " names no provider; found "
                  + byId.keySet();
          failures.add(new Failure(propertyValue, message, Optional.empty()));
          LOG.warn("{} of {}", message, spi.getName());
        }
        if (!discoveredUnique.isEmpty()) {
          selected = discoveredUnique.get(0);
          selection = Selection.SERVICE_LOADER;
          if (discoveredUnique.size() > 1 && !severalExpected) {
            LOG.warn(
                "Several providers of {} found: {}; using {} (register one explicitly{} to choose)",
                spi.getName(),
                describe(discoveredUnique),
                describe(List.of(selected)),
                systemProperty == null ? "" : " or set -D" + systemProperty + "=<id>");
          }
        } else if (fallback != null) {
          selected = Objects.requireNonNull(fallback.get(), "fallback provider");
          selection = Selection.DEFAULT;
          LOG.debug("No provider of {} found; using the default {}", spi.getName(), selected);
        } else {
          selection = Selection.NONE;
        }
      }
      LOG.debug("Providers of {}: {}; selected {} ({})", spi.getName(), byId.keySet(), selected, selection);
      return new Report<>(spi, all, Optional.ofNullable(selected), selection, failures, duplicates);
    }

    private @Nullable String readProperty() {
      if (systemProperty == null) {
        return null;
      }
      String value = System.getProperty(systemProperty);
      return value == null || value.isBlank() ? null : value.trim();
    }

    private @Nullable S named(String name, Map<String, S> byId) {
      S byIdMatch = byId.get(name);
      if (byIdMatch != null) {
        return byIdMatch;
      }
      for (S provider : byId.values()) {
        if (provider.getClass().getName().equals(name)) {
          return provider;
        }
      }
      return null;
    }

    private void addUnique(
        List<S> candidates,
        Map<String, S> byId,
        Map<String, List<String>> classesById,
        List<S> unique,
        List<Failure> failures) {
      for (S candidate : candidates) {
        String id;
        try {
          id = idFunction.apply(candidate);
        } catch (RuntimeException e) {
          fail(failures, candidate.getClass().getName(), "its id could not be read: " + e, e);
          continue;
        }
        if (id == null || id.isBlank()) {
          fail(failures, candidate.getClass().getName(), "it has no id", null);
          continue;
        }
        classesById.computeIfAbsent(id, k -> new ArrayList<>()).add(candidate.getClass().getName());
        if (byId.putIfAbsent(id, candidate) == null) {
          unique.add(candidate);
        }
      }
    }

    /**
     * Iterates the {@link ServiceLoader}, catching each provider's failure and going on: the JDK's lazy
     * iterator moves past an entry whose lookup or instantiation failed.
     */
    private List<S> loadServices(List<Failure> failures) {
      List<S> found = new ArrayList<>();
      ServiceLoader<S> loader;
      try {
        // A named module may only load services it declares with `uses`; a module may add that to itself
        // at run time, which lets this one class serve every SPI (a no-op on the class path).
        Providers.class.getModule().addUses(spi);
        loader = ServiceLoader.load(spi, effectiveClassLoader());
      } catch (ServiceConfigurationError | RuntimeException e) {
        fail(failures, spi.getName(), "the service loader could not be created: " + e, e);
        return found;
      }
      Iterator<S> it = loader.iterator();
      int failed = 0;
      while (failed < MAX_FAILURES) {
        try {
          if (!it.hasNext()) {
            break;
          }
          S provider = it.next();
          found.add(provider);
        } catch (ServiceConfigurationError | RuntimeException e) {
          failed++;
          fail(failures, providerName(e), String.valueOf(e.getMessage()), e);
        }
      }
      return found;
    }

    private ClassLoader effectiveClassLoader() {
      if (classLoader != null) {
        return classLoader;
      }
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        return context;
      }
      ClassLoader own = spi.getClassLoader();
      return own != null ? own : ClassLoader.getSystemClassLoader();
    }

    private void fail(List<Failure> failures, String provider, String message, @Nullable Throwable e) {
      failures.add(new Failure(provider, message, Optional.ofNullable(e)));
      LOG.warn("A provider of {} failed and is left out: {}: {}", spi.getName(), provider, message, e);
    }

    /** The JDK names the failing provider class in the message: "{spi}: Provider {class} could not ...". */
    private String providerName(Throwable e) {
      String message = String.valueOf(e.getMessage());
      int at = message.indexOf("Provider ");
      if (at >= 0) {
        int start = at + "Provider ".length();
        int end = message.indexOf(' ', start);
        return end > start ? message.substring(start, end) : message.substring(start);
      }
      return spi.getName();
    }

    private String describe(List<S> providers) {
      List<String> names = new ArrayList<>();
      for (S p : providers) {
        String id;
        try {
          id = idFunction.apply(p);
        } catch (RuntimeException e) {
          id = "?";
        }
        names.add(id + " (" + p.getClass().getName() + ")");
      }
      return names.toString();
    }
  }
}
