package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.GexException;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexExposures;
import io.gex.analysis.GreekExposures;
import io.gex.cache.redis.AnalysisCodec.Compression;
import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import io.gex.testing.TestChains;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AnalysisCodecTest {
  private static final GexAnalysis ANALYSIS = RedisTestSupport.analysisAt(0);

  /** Every opt-in figure on, so that the optional parts of {@link GreekExposures} are filled too. */
  private static final GexEngine FULL =
      GexEngine.builder().expiryZeroGamma(true).dealerProfiles(true).build();

  private static void assertRoundTrips(GexAnalysis a, String what) {
    for (Compression c : Compression.values()) {
      assertThat(AnalysisCodec.decode(AnalysisCodec.encode(a, c))).as("%s, %s", what, c).isEqualTo(a);
    }
  }

  /** The analysis with every part that may be empty emptied: no greeks, diagnostics or levels. */
  private static GexAnalysis withEmptyParts(GexAnalysis a) {
    GexExposures x = a.exposures();
    GammaProfile p = a.gammaProfile();
    return new GexAnalysis(
        a.provenance(),
        new GexExposures(
            x.callGex(),
            x.putGex(),
            x.byStrike(),
            List.of(),
            x.heatmap(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty()),
        GreekExposures.none(),
        new GexAnalysis.Profiles(
            List.of(
                new GammaProfile(
                    p.scope(),
                    p.excludedExpiry(),
                    p.spots(),
                    p.totalGex(),
                    DoubleArray.empty(),
                    OptionalDouble.empty()))),
        a.pinRisk(),
        a.dealer(),
        new GexAnalysis.Coverage(a.coverage().contractsUsed(), List.of(), a.coverage().dataQuality()));
  }

  @Test
  void decode_encoded_isEqual_forTheRealSnapshots() {
    String[][] snapshots = {
      {"cboe-csv", "cboe-spx-2022-12-12.csv"},
      {"cboe-csv", "cboe-ndx-2022-12-12.csv"},
      {"cboe-csv", "cboe-rut-2022-12-12.csv"},
      {"cboe-json", "cboe-rut-2023-09-20.json"},
    };
    for (String[] s : snapshots) {
      OptionChain chain =
          ChainSources.discover().load(s[0], SourceRequest.of(AnalysisCheckTest.dataFile(s[1])));
      GexAnalysis a = FULL.analyze(chain);
      assertThat(a.coverage().diagnostics()).as(s[1]).isNotEmpty();
      assertThat(a.greeks().profiles()).as(s[1]).isNotEmpty();
      assertRoundTrips(a, s[1]);
    }
  }

  @Test
  void decode_encoded_isEqual_forAnyChainAndWithEmptyParts() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 120))
        .checkAssert(
            (seed, n) -> {
              GexAnalysis a = FULL.analyze(TestChains.random(seed, n));
              assertRoundTrips(a, "seed " + seed + ", " + n + " contracts");
              assertRoundTrips(withEmptyParts(a), "emptied, seed " + seed);
            });
    assertRoundTrips(GexEngine.builder().build().analyze(TestChains.fourContracts()), "four contracts");
  }

  @Test
  void encode_headerSaysVersionAndCompression_andLz4IsSmallerThanPlain() {
    byte[] plain = AnalysisCodec.encode(ANALYSIS, Compression.NONE);
    byte[] lz4 = AnalysisCodec.encode(ANALYSIS, Compression.LZ4);
    byte[] gzip = AnalysisCodec.encode(ANALYSIS, Compression.GZIP);

    assertThat(Arrays.copyOf(plain, 4)).containsExactly('g', 'x', 2, 0);
    assertThat(Arrays.copyOf(lz4, 4)).containsExactly('g', 'x', 2, 2);
    assertThat(Arrays.copyOf(gzip, 4)).containsExactly('g', 'x', 2, 1);
    // CBOR: a map of indefinite length (0xbf) or of its 24 entries (0xb8 0x18).
    assertThat(plain[4] & 0xff).isIn(0xbf, 0xb8);
    // The LZ4 body declares the CBOR's length.
    int declared = (lz4[4] & 0xff) << 24 | (lz4[5] & 0xff) << 16 | (lz4[6] & 0xff) << 8 | (lz4[7] & 0xff);
    assertThat(declared).isEqualTo(plain.length - 4);
    assertThat(lz4.length).isLessThan(plain.length / 2);
  }

  @Test
  void decode_otherVersion_throwsOtherVersionException() {
    byte[] v1 = {'g', 'x', 1, 0, '{', '}'};
    byte[] v3 = AnalysisCodec.encode(ANALYSIS, Compression.LZ4);
    v3[2] = 3;

    assertThatThrownBy(() -> AnalysisCodec.decode(v1))
        .isInstanceOf(AnalysisCodec.OtherVersionException.class)
        .hasMessage("stored analysis has format version 1, this reader knows 2");
    assertThatThrownBy(() -> AnalysisCodec.decode(v3))
        .isInstanceOf(AnalysisCodec.OtherVersionException.class);
  }

  @Test
  void decode_badBytes_throwsGexExceptionSayingWhy() {
    byte[] plain = AnalysisCodec.encode(ANALYSIS, Compression.NONE);
    byte[] lz4 = AnalysisCodec.encode(ANALYSIS, Compression.LZ4);
    byte[] badFlags = plain.clone();
    badFlags[3] = 4;
    byte[] bothFlags = plain.clone();
    bothFlags[3] = 3;
    byte[] longer = lz4.clone();
    longer[4] = 0x7f; // declares about 2 GB
    byte[] shorter = lz4.clone();
    shorter[7]--; // one byte less than the block holds
    byte[] badBlock = lz4.clone();
    Arrays.fill(badBlock, 8, badBlock.length, (byte) 0xff);

    assertThatThrownBy(() -> AnalysisCodec.decode(badFlags))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("unknown flags 4");
    assertThatThrownBy(() -> AnalysisCodec.decode(bothFlags))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("unknown flags 3");
    assertThatThrownBy(() -> AnalysisCodec.decode(new byte[] {'{', '}'}))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("bad header, 2 bytes");
    assertThatThrownBy(() -> AnalysisCodec.decode(Arrays.copyOf(plain, plain.length / 2)))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("CBOR");
    assertThatThrownBy(() -> AnalysisCodec.decode(Arrays.copyOf(lz4, lz4.length / 2)))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("LZ4");
    assertThatThrownBy(() -> AnalysisCodec.decode(longer, 64 << 20))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("over the limit of 67108864");
    assertThatThrownBy(() -> AnalysisCodec.decode(shorter)).isInstanceOf(GexException.class);
    assertThatThrownBy(() -> AnalysisCodec.decode(badBlock)).isInstanceOf(GexException.class);
    assertThatThrownBy(() -> AnalysisCodec.decode(new byte[] {'g', 'x', 2, 1, 1, 2, 3}))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("gzip");
  }

  @Test
  void decode_moreCborThanTheLimit_throwsBeforeReadingIt() {
    byte[] lz4 = AnalysisCodec.encode(ANALYSIS, Compression.LZ4);
    byte[] gzip = AnalysisCodec.encode(ANALYSIS, Compression.GZIP);
    byte[] plain = AnalysisCodec.encode(ANALYSIS, Compression.NONE);
    int cbor = plain.length - 4;

    for (byte[] stored : List.of(lz4, gzip, plain)) {
      assertThat(AnalysisCodec.decode(stored, cbor)).isEqualTo(ANALYSIS);
      assertThatThrownBy(() -> AnalysisCodec.decode(stored, cbor - 1))
          .isInstanceOf(GexException.class)
          .hasMessageContaining("limit of " + (cbor - 1));
    }
  }
}
