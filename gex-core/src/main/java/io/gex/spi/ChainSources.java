package io.gex.spi;

import io.gex.ChainSourceException;
import io.gex.chain.OptionChain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The option-chain sources available to an application, by id and by content detection.
 *
 * <p>Sources are looked up once, by {@link Providers}: sources {@linkplain Builder#register registered}
 * on the builder come first and win over discovered sources with the same id; then the {@code
 * OptionChainSource} providers on the module or class path (the {@code gex-sources} module brings {@code
 * cboe-json}, {@code cboe-csv}, {@code csv}, {@code yahoo-csv}, {@code optionsdx-csv} and {@code
 * synthetic}). Providers that fail to load are left out and listed in {@link #report()}. Several
 * sources are normal here, so finding several is not a warning; two with one id are.
 *
 * <p>Choosing a source for a request ({@link #load(SourceRequest)}): the source named by the {@code
 * gex.source} system property if it is set and no source was registered explicitly; otherwise, when the
 * location is a file, the first source (explicit ones first) whose {@link OptionChainSource#canRead}
 * accepts the file's first {@value #DETECTION_BYTES} bytes (decompressed first when the file is gzip, as
 * told by its magic bytes {@code 1f 8b}, whatever its name).
 *
 * <p>Files: {@link #openFile(Path)} is how the file sources of {@code gex-sources} open their input, and
 * how other sources may: a missing file, a directory, an unreadable or an empty file fail with a {@link
 * ChainSourceException} saying which; gzip content is decompressed on the fly, up to {@value
 * #MAX_DECOMPRESSED_BYTES} bytes. When no source recognises a file, the exception says what the file is if
 * its first bytes tell (a PDF, a zip or other archive, bzip2/xz/zstd compression, an Excel workbook,
 * UTF-16 or binary data) and otherwise quotes its first line, with a hint when the text is a web page,
 * JSON of another layout, or separated by semicolons or tabs. With no source on the class path at all, the
 * exception says to add the {@code io.gex:gex-sources} module. Every message is one line.
 *
 * <pre>{@code
 * ChainSources sources = ChainSources.discover();
 * OptionChain chain = sources.load(SourceRequest.of(Path.of("data/cboe-spx-2022-12-12.csv")));
 * OptionChain synthetic = sources.source("synthetic").load(SourceRequest.of("SPX"));
 * }</pre>
 *
 * <p>This class is immutable and thread-safe (as far as the sources are, which the SPI requires).
 */
public final class ChainSources {

  /** The system property that names the source to use when none is given: {@value}. */
  public static final String SYSTEM_PROPERTY = "gex.source";

  /** How many bytes of a file {@link #detect(Path)} shows to {@link OptionChainSource#canRead}: {@value}. */
  public static final int DETECTION_BYTES = 8192;

  /**
   * How many bytes a gzip file may decompress to before {@link #openFile(Path)} stops with an error: {@value}
   * (1 GiB; a whole day of SPX quotes is a few tens of megabytes). A bound against compression bombs.
   */
  public static final long MAX_DECOMPRESSED_BYTES = 1L << 30;

  /** The hint given whenever no source at all is available. */
  static final String ADD_SOURCES =
      "no option-chain sources are on the class path: add the io.gex:gex-sources module (it reads CBOE,"
          + " plain CSV, Yahoo and OptionsDX files) or register an OptionChainSource";

  private static final Logger LOG = LoggerFactory.getLogger(ChainSources.class);

  private final Providers.Report<OptionChainSource> report;
  private final Map<String, OptionChainSource> byId;

  private ChainSources(Providers.Report<OptionChainSource> report) {
    this.report = report;
    Map<String, OptionChainSource> map = new LinkedHashMap<>();
    for (OptionChainSource source : report.providers()) {
      map.put(source.id(), source);
    }
    this.byId = map;
  }

  /** The sources on the module or class path, with the {@code gex.source} system property honoured. */
  public static ChainSources discover() {
    return builder().build();
  }

  /** A builder for explicit registration and lookup options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The sources, one per id, explicit ones first. */
  public List<OptionChainSource> sources() {
    return report.providers();
  }

  /** The ids of the sources, in order. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(byId.keySet());
  }

  /** What the lookup found: sources, failures, duplicates and the system-property selection. */
  public Providers.Report<OptionChainSource> report() {
    return report;
  }

  /** The source with this id, if any. */
  public Optional<OptionChainSource> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * The source with this id.
   *
   * @throws IllegalArgumentException naming the id and the ids available if there is none
   */
  public OptionChainSource source(String id) {
    OptionChainSource source = byId.get(Objects.requireNonNull(id, "id"));
    if (source == null && byId.isEmpty()) {
      throw new IllegalArgumentException(
          "no option-chain source with id '" + id + "': " + ADD_SOURCES + failureNote());
    }
    if (source == null) {
      throw new IllegalArgumentException(
          "no option-chain source with id '" + id + "'; available: " + byId.keySet() + failureNote());
    }
    return source;
  }

  /**
   * The first source (explicit ones first) that recognises these leading bytes of a file. A source whose
   * {@code canRead} throws is logged at WARN and passed over.
   */
  public Optional<OptionChainSource> detect(byte[] head) {
    Objects.requireNonNull(head, "head");
    for (OptionChainSource source : report.providers()) {
      try {
        if (source.canRead(head.clone())) {
          return Optional.of(source);
        }
      } catch (RuntimeException e) {
        LOG.warn("Option-chain source {} failed while sniffing content; passed over", source.id(), e);
      }
    }
    return Optional.empty();
  }

  /**
   * The source that recognises a file by its first {@value #DETECTION_BYTES} bytes (decompressed if the file
   * is gzip).
   *
   * @throws ChainSourceException if there are no sources at all (saying to add {@code io.gex:gex-sources}),
   *     the file is missing, a directory, unreadable, empty or corrupt gzip, or no source recognises it; the
   *     last message says what the file is when its bytes tell (PDF, archive, binary, ...), else quotes its
   *     first line and lists the sources tried
   */
  public OptionChainSource detect(Path file) {
    Objects.requireNonNull(file, "file");
    if (byId.isEmpty()) {
      throw new ChainSourceException("cannot read " + file + ": " + ADD_SOURCES + failureNote());
    }
    byte[] head;
    try (InputStream in = openFile(file)) {
      head = in.readNBytes(DETECTION_BYTES);
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Optional<OptionChainSource> found = detect(head);
    if (found.isPresent()) {
      return found.get();
    }
    Optional<String> what = ChainFiles.whatItIs(head);
    if (what.isPresent()) {
      throw new ChainSourceException(file + " " + what.get());
    }
    throw new ChainSourceException(
        "cannot tell the format of "
            + file
            + " from its content: none of the sources "
            + byId.keySet()
            + " recognises a layout starting '"
            + ChainFiles.firstLine(head)
            + "'"
            + ChainFiles.textHint(head).map(hint -> "; " + hint).orElse("")
            + "; see the gex-sources README for the layouts each reads, or name a source");
  }

  /**
   * Opens a chain file for reading, as the file sources of {@code gex-sources} do: gzip content (told by
   * the magic bytes {@code 1f 8b}, whatever the file's name) is decompressed on the fly, up to {@value
   * #MAX_DECOMPRESSED_BYTES} bytes. The stream is buffered; the caller closes it.
   *
   * @throws ChainSourceException if the file does not exist, is a directory, cannot be read, is empty
   *     (also once decompressed), or has a gzip header that cannot be read; each message says which
   */
  public static InputStream openFile(Path file) {
    return openFile(file, MAX_DECOMPRESSED_BYTES);
  }

  /**
   * Opens a chain file as {@link #openFile(Path)} does, with another bound on the decompressed size. Reading
   * past the bound, or reading corrupt or truncated gzip data, throws an {@link IOException} from the
   * stream whose message says so.
   *
   * @param maxDecompressedBytes how many bytes gzip content may decompress to, {@code > 0}
   * @throws IllegalArgumentException if the bound is not positive
   * @throws ChainSourceException as {@link #openFile(Path)}
   */
  public static InputStream openFile(Path file, long maxDecompressedBytes) {
    Objects.requireNonNull(file, "file");
    if (maxDecompressedBytes <= 0) {
      throw new IllegalArgumentException(
          "maxDecompressedBytes must be > 0, was " + maxDecompressedBytes);
    }
    return ChainFiles.open(file, maxDecompressedBytes);
  }

  /**
   * Loads with the source of this id.
   *
   * @throws IllegalArgumentException if there is no source with this id, or the request is invalid for it
   * @throws ChainSourceException if the source cannot read the location
   */
  public OptionChain load(String id, SourceRequest request) {
    Objects.requireNonNull(request, "request");
    return source(id).load(request);
  }

  /**
   * Loads with the source chosen as described in the class documentation: the {@code gex.source} system
   * property, else detection from the file's content.
   *
   * @throws ChainSourceException if no source is named and: there are no sources at all (the message says to
   *     add {@code io.gex:gex-sources}), the location is a URL or no existing file, or {@link #detect(Path)}
   *     fails; or if the chosen source cannot read the location
   * @throws IllegalArgumentException if the request is invalid for the chosen source
   */
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    OptionChainSource named = namedBySystemProperty();
    if (named != null) {
      return named.load(request);
    }
    if (byId.isEmpty()) {
      throw new ChainSourceException(
          "cannot load '" + request.location() + "': " + ADD_SOURCES + failureNote());
    }
    if (request.isHttp()) {
      throw new ChainSourceException(
          "cannot detect the source of '"
              + request.location()
              + "': only files are detected by content; name the source for a URL, one of "
              + byId.keySet());
    }
    Path file;
    try {
      file = request.path();
    } catch (IllegalArgumentException e) {
      throw new ChainSourceException(
          "cannot load '"
              + request.location()
              + "': not a valid file path; to fetch or generate a chain by symbol, name a source, one of "
              + byId.keySet(),
          e);
    }
    if (!Files.exists(file) && !Files.isDirectory(file)) {
      throw new ChainSourceException(
          ChainFiles.noSuchFile(file)
              + "; to fetch or generate a chain for the symbol '"
              + request.location()
              + "' instead, name a source, one of "
              + byId.keySet());
    }
    return detect(file).load(request);
  }

  private @Nullable OptionChainSource namedBySystemProperty() {
    return report.selection() == Providers.Selection.SYSTEM_PROPERTY
        ? report.selected().orElse(null)
        : null;
  }

  private String failureNote() {
    return report.failures().isEmpty() ? "" : " (failed to load: " + report.failures() + ")";
  }

  @Override
  public String toString() {
    return "ChainSources" + byId.keySet();
  }

  /** Configures a {@link ChainSources}; not thread-safe. */
  public static final class Builder {
    private final Providers.Lookup<OptionChainSource> lookup =
        Providers.lookup(OptionChainSource.class, OptionChainSource::id).severalExpected(true);
    private boolean systemPropertyDisabled;
    private String systemProperty = SYSTEM_PROPERTY;

    private Builder() {}

    /** Registers a source; registered sources come first and win over discovered ones of the same id. */
    public Builder register(OptionChainSource source) {
      lookup.register(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Whether to discover sources with {@link java.util.ServiceLoader} (default true). */
    public Builder serviceLoader(boolean enabled) {
      lookup.serviceLoader(enabled);
      return this;
    }

    /** The class loader to discover sources with (default: the thread's context class loader). */
    public Builder classLoader(ClassLoader loader) {
      lookup.classLoader(loader);
      return this;
    }

    /** The system property naming the default source (default {@value ChainSources#SYSTEM_PROPERTY}). */
    public Builder systemProperty(String name) {
      this.systemProperty = Objects.requireNonNull(name, "name");
      this.systemPropertyDisabled = false;
      return this;
    }

    /** Ignores any system property (for tests and embedded use that must not be steered globally). */
    public Builder noSystemProperty() {
      this.systemPropertyDisabled = true;
      return this;
    }

    /** Looks the sources up. */
    public ChainSources build() {
      if (!systemPropertyDisabled) {
        lookup.systemProperty(systemProperty);
      }
      return new ChainSources(lookup.discover());
    }
  }
}
