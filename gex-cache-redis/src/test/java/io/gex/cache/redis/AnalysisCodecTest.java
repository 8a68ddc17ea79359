package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.GexException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnalysisCodecTest {
  private static final GexAnalysis ANALYSIS = RedisTestSupport.analysisAt(0);

  @Test
  void decode_encoded_isEqual_plainAndGzipped() {
    byte[] plain = AnalysisCodec.encode(ANALYSIS, false);
    byte[] zipped = AnalysisCodec.encode(ANALYSIS, true);

    assertThat(Arrays.copyOf(plain, 4)).containsExactly('g', 'x', 1, 0);
    assertThat(Arrays.copyOf(zipped, 4)).containsExactly('g', 'x', 1, 1);
    assertThat(AnalysisCodec.decode(plain)).isEqualTo(ANALYSIS);
    assertThat(AnalysisCodec.decode(zipped)).isEqualTo(ANALYSIS);
    assertThat(plain[4]).isEqualTo((byte) '{');
  }

  @Test
  void decode_otherVersionOrBadBytes_throwsGexExceptionSayingWhy() {
    byte[] plain = AnalysisCodec.encode(ANALYSIS, false);
    byte[] v2 = plain.clone();
    v2[2] = 2;
    byte[] badFlags = plain.clone();
    badFlags[3] = 4;
    byte[] truncated = Arrays.copyOf(plain, plain.length / 2);
    byte[] badGzip = {'g', 'x', 1, 1, 1, 2, 3};

    assertThatThrownBy(() -> AnalysisCodec.decode(v2))
        .isInstanceOf(GexException.class)
        .hasMessage("stored analysis has format version 2, this reader knows 1");
    assertThatThrownBy(() -> AnalysisCodec.decode(badFlags))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("unknown flags 4");
    assertThatThrownBy(() -> AnalysisCodec.decode(new byte[] {'{', '}'}))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("bad header, 2 bytes");
    assertThatThrownBy(() -> AnalysisCodec.decode(truncated)).isInstanceOf(GexException.class);
    assertThatThrownBy(() -> AnalysisCodec.decode(badGzip))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("gzip");
  }
}
