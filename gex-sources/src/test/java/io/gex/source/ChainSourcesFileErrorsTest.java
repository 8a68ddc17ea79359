package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.ChainSourceException;
import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What loading says about files that are not option chains, and gzip input. */
class ChainSourcesFileErrorsTest {

  @TempDir Path dir;

  private static ChainSources sources() {
    return ChainSources.builder().noSystemProperty().build();
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Detection and loading fail with one line that contains every fragment. */
  private static void assertLoadFails(Path file, String... fragments) {
    assertThatThrownBy(() -> sources().load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContainingAll(fragments)
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("name one explicitly");
  }

  @Test
  void emptyFile_saysEmpty() throws IOException {
    Path file = write("empty.csv", new byte[0]);

    assertLoadFails(file, "empty.csv is empty (0 bytes)");
    assertThatThrownBy(() -> new CboeCsvSource().load(SourceRequest.of(file)))
        .hasMessageContaining("empty.csv is empty (0 bytes)");
  }

  @Test
  void pdf_saysPdf() throws IOException {
    Path file = write("chain.csv", ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\n"));

    assertLoadFails(file, "chain.csv is a PDF document", "export the chain as CSV or JSON");
  }

  @Test
  void zipAndOtherCompression_sayWhichAndThatGzipIsRead() throws IOException {
    assertLoadFails(
        write("book.xlsx", ascii("PK\u0003\u0004\u0014\u0000\u0006\u0000rest")),
        "book.xlsx is a zip archive",
        "save the sheet as CSV");
    assertLoadFails(
        write("chain.csv.bz2", ascii("BZh91AY&SY\u0001\u0002")), "is bzip2-compressed", ".gz files directly");
    assertLoadFails(
        write("chain.csv.xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4}), "is xz-compressed");
    assertLoadFails(
        write("chain.csv.zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0}), "is zstd-compressed");
  }

  @Test
  void binary_saysBinaryAndWhere() throws IOException {
    byte[] png = ascii("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR");

    assertLoadFails(write("chart.csv", png), "chart.csv is binary (byte 0x00 at offset 8)");
  }

  @Test
  void utf16_saysToSaveAsUtf8() throws IOException {
    byte[] text = "occ,open_interest\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) 0xff;
    bytes[1] = (byte) 0xfe;
    System.arraycopy(text, 0, bytes, 2, text.length);

    assertLoadFails(write("excel.csv", bytes), "excel.csv is UTF-16 text", "UTF-8");
  }

  @Test
  void unknownText_quotesTheFirstLineAndListsTheSources() throws IOException {
    assertLoadFails(
        write("garbage.csv", ascii("hello,world\n1,2\n")),
        "cannot tell the format of ",
        "garbage.csv",
        "starting 'hello,world'",
        "[cboe-json, cboe-csv, csv, yahoo-csv, optionsdx-csv, synthetic]");
  }

  @Test
  void textInAnotherShape_getsAHint() throws IOException {
    assertLoadFails(
        write("euro.csv", ascii("occ;open_interest\nSPX221216C04000000;1\n")),
        "starting 'occ;open_interest'",
        "separated by semicolons: gex reads comma-separated CSV");
    assertLoadFails(
        write("tabs.csv", ascii("occ\topen_interest\n")), "starting 'occ?open_interest'", "separated by tabs");
    assertLoadFails(
        write("page.csv", ascii("<!DOCTYPE html>\n<html><body>SPX options</body></html>\n")),
        "it is an HTML page");
    assertLoadFails(
        write("other.json", ascii("{\"calls\": [], \"puts\": []}\n")),
        "it is JSON, but not CBOE's delayed-quotes layout");
  }

  @Test
  void missingFile_saysNoSuchFileNotNameASource() {
    Path file = dir.resolve("nope.csv");

    assertThatThrownBy(() -> sources().load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageStartingWith("no such file: " + file)
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> sources().detect(file)).hasMessageStartingWith("no such file: " + file);
    assertThatThrownBy(() -> new CsvChainSource().load(SourceRequest.of(file)))
        .hasMessageStartingWith("no such file: " + file);
    assertThatThrownBy(() -> new CboeJsonSource().load(SourceRequest.of(file)))
        .hasMessageStartingWith("no such file: " + file);
  }

  @Test
  void relativeMissingFile_saysWhereItLooked() {
    Path relative = Path.of("no-such-dir", "x.csv");

    assertThatThrownBy(() -> sources().detect(relative))
        .hasMessageContaining("no such file: " + relative + " (looked for " + relative.toAbsolutePath());
  }

  @Test
  void directory_saysDirectory() {
    assertLoadFails(dir, dir + " is a directory, not a file");
    assertThatThrownBy(() -> new CsvChainSource().load(SourceRequest.of(dir)))
        .hasMessageContaining("is a directory, not a file");
  }

  @Test
  void unreadableFile_saysPermissionDenied() throws IOException {
    Path file = write("secret.csv", ascii("occ,open_interest\n"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
    if (Files.isReadable(file)) {
      System.out.println(
          "unreadableFile_saysPermissionDenied: not checked, this user (root?) reads files without read"
              + " permission");
      return;
    }

    assertLoadFails(file, "cannot read " + file + ": permission denied");
  }

  @Test
  void gzipCsv_isDetectedAndReadByItsMagicBytes() throws IOException {
    Path gz = Fixtures.gzip(TestData.spxCsv(), dir.resolve("spx.csv.gz"));
    Path misnamed = Fixtures.gzip(TestData.spxCsv(), dir.resolve("spx.csv"));

    OptionChain plain = sources().load(SourceRequest.of(TestData.spxCsv()));

    assertThat(sources().detect(gz).id()).isEqualTo("cboe-csv");
    assertThat(sources().load(SourceRequest.of(gz))).isEqualTo(plain);
    assertThat(sources().load(SourceRequest.of(misnamed))).isEqualTo(plain);
  }

  @Test
  void gzipJson_isDetectedAndRead() throws IOException {
    Path gz = Fixtures.gzip(TestData.rutJson(), dir.resolve("rut.json.gz"));

    OptionChain chain = sources().load(SourceRequest.of(gz));

    assertThat(sources().detect(gz).id()).isEqualTo("cboe-json");
    assertThat(chain.underlying()).isEqualTo("RUT");
    assertThat(chain.contracts()).hasSize(6_680);
  }

  @Test
  void gzipOfNothing_saysEmptyOnceDecompressed() throws IOException {
    Path gz = Fixtures.gzip(new byte[0], dir.resolve("empty.csv.gz"));

    assertLoadFails(gz, "empty.csv.gz is empty once decompressed");
  }

  @Test
  void truncatedGzip_saysCorruptOrTruncated() throws IOException {
    byte[] whole = Files.readAllBytes(Fixtures.gzip(TestData.spxCsv(), dir.resolve("whole.gz")));
    Path cut = write("cut.csv.gz", Arrays.copyOf(whole, whole.length / 2));
    Path headerOnly = write("head.csv.gz", Arrays.copyOf(whole, 5));

    assertThatThrownBy(() -> new CboeCsvSource().load(SourceRequest.of(cut)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("cut.csv.gz")
        .hasMessageContaining("corrupt or truncated");
    assertLoadFails(headerOnly, "head.csv.gz starts like a gzip file", "corrupt or truncated");
  }

  @Test
  void gzipBomb_stopsAtTheBound() throws IOException {
    Path gz = Fixtures.gzip(new byte[1 << 20], dir.resolve("zeros.gz"));

    try (InputStream in = ChainSources.openFile(gz, 100_000)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("zeros.gz decompresses to more than 100000 bytes");
    }
    assertThatThrownBy(() -> ChainSources.openFile(gz, 4096))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("zeros.gz decompresses to more than 4096 bytes");
    try (InputStream in = ChainSources.openFile(gz, 1 << 20)) {
      assertThat(in.readAllBytes()).hasSize(1 << 20);
    }
    assertThat(ChainSources.MAX_DECOMPRESSED_BYTES).isEqualTo(1L << 30);
  }

  @Test
  void noSourcesOnTheClassPath_saysToAddGexSources() throws IOException {
    ChainSources none = ChainSources.builder().noSystemProperty().serviceLoader(false).build();
    Path file = write("x.csv", ascii("occ,open_interest\n"));

    assertThatThrownBy(() -> none.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("add the io.gex:gex-sources module")
        .hasMessageNotContaining("[]");
    assertThatThrownBy(() -> none.detect(file)).hasMessageContaining("io.gex:gex-sources");
    assertThatThrownBy(() -> none.source("csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io.gex:gex-sources");
  }
}
