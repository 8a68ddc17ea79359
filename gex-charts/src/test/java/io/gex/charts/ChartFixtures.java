package io.gex.charts;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.DoubleArray;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Chains and analyses shared by the chart tests. */
final class ChartFixtures {

  /** The synthetic chain's valuation instant: 2022-12-12 16:30 New York. */
  static final Instant VALUATION = Instant.parse("2022-12-12T21:30:00Z");

  /** The engine's fixed clock, so analyses (and their report footers) are reproducible. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-12T22:00:00Z"), ZoneOffset.UTC);

  private ChartFixtures() {}

  /**
   * A synthetic SPX-like chain: spot 4000, strikes 3500 to 4500 every 25, five expiries from 4 to 95 days;
   * call open interest piles up at 4100 and 4200, put open interest at 3900 and 3800 and is larger, so the
   * profile crosses zero below spot. 410 contracts.
   */
  static OptionChain syntheticChain() {
    LocalDate[] expiries = {
      LocalDate.of(2022, 12, 16),
      LocalDate.of(2022, 12, 23),
      LocalDate.of(2022, 12, 30),
      LocalDate.of(2023, 1, 20),
      LocalDate.of(2023, 3, 17)
    };
    List<OptionContract> contracts = new ArrayList<>();
    for (int e = 0; e < expiries.length; e++) {
      for (int k = 3500; k <= 4500; k += 25) {
        double moneyness = (4000.0 - k) / 4000.0;
        double iv = Math.max(0.10, 0.21 + 0.45 * moneyness + 0.02 * e);
        long callOi = 800 + bump(k, 4100, 6000) + bump(k, 4200, 4000) + 300L * e;
        long putOi = 900 + bump(k, 3900, 9000) + bump(k, 3800, 7000) + bump(k, 3600, 3000) + 300L * e;
        contracts.add(OptionContract.of("SPXW", expiries[e], OptionRight.CALL, k, callOi, iv));
        contracts.add(OptionContract.of("SPXW", expiries[e], OptionRight.PUT, k, putOi, iv));
      }
    }
    return OptionChain.of("SPX", 4000.0, VALUATION, contracts);
  }

  private static long bump(int strike, int centre, long peak) {
    double d = (strike - centre) / 50.0;
    return Math.round(peak * Math.exp(-d * d));
  }

  /** The real SPX snapshot of 2022-12-12 (spot 3990.56), relative to the module directory. */
  static final Path SPX_FILE = Path.of("..", "data", "cboe-spx-2022-12-12.csv");

  /**
   * Every bundled snapshot the chart tests draw: name, source id and file (relative to the module
   * directory). A listed file that is not in this checkout is reported and skipped by the tests.
   */
  static final List<String[]> SNAPSHOTS =
      List.of(
          new String[] {"spx-2022-12-12", "cboe-csv", "../data/cboe-spx-2022-12-12.csv"},
          new String[] {"ndx-2022-12-12", "cboe-csv", "../data/cboe-ndx-2022-12-12.csv"},
          new String[] {"rut-2022-12-12", "cboe-csv", "../data/cboe-rut-2022-12-12.csv"},
          new String[] {"rut-2023-09-20", "cboe-json", "../data/cboe-rut-2023-09-20.json"});

  /** A snapshot analysed with the default settings and the fixed clock. */
  static GexAnalysis snapshot(String sourceId, Path file) {
    return GexEngine.builder()
        .clock(CLOCK)
        .build()
        .analyze(ChainSources.discover().load(sourceId, SourceRequest.of(file)));
  }

  /**
   * The real SPX snapshot, read by the CBOE quote-table parser of gex-sources (a test dependency), found
   * through the {@code OptionChainSource} SPI as an application would.
   */
  static OptionChain spxChain() {
    return ChainSources.discover().load("cboe-csv", SourceRequest.of(SPX_FILE));
  }

  /** The real SPX snapshot analysed with the default settings and the fixed clock. */
  static GexAnalysis spx() {
    return GexEngine.builder().clock(CLOCK).build().analyze(spxChain());
  }

  static GexAnalysis synthetic() {
    return GexEngine.builder().clock(CLOCK).build().analyze(syntheticChain());
  }

  /**
   * The analysis with dealer exposures by strike filled in by hand (delta rising through the strikes,
   * vanna and charm changing sign at spot), for the dealer-exposure chart whatever the engine computes.
   */
  static GexAnalysis withDealerByStrike(GexAnalysis a) {
    double[] strikes = a.exposures().byStrike().strikes().toArray();
    double[] delta = new double[strikes.length];
    double[] vanna = new double[strikes.length];
    double[] charm = new double[strikes.length];
    for (int i = 0; i < strikes.length; i++) {
      double x = (strikes[i] - a.spot()) / a.spot();
      delta[i] = 2e9 * Math.exp(-x * x * 400) * (x < 0 ? -1 : 1);
      vanna[i] = -1e8 * x * 20 * Math.exp(-x * x * 200);
      charm[i] = 5e7 * Math.sin(x * 60);
    }
    DealerExposuresByStrike byStrike =
        new DealerExposuresByStrike(
            DoubleArray.copyOf(strikes),
            DoubleArray.copyOf(delta),
            DoubleArray.copyOf(vanna),
            DoubleArray.copyOf(charm));
    return withDealer(a, Records.with(a.dealer(), "byStrike", byStrike));
  }

  /** A copy of the analysis with other dealer positioning. */
  static GexAnalysis withDealer(GexAnalysis a, DealerPositioning dealer) {
    return Records.with(a, "dealer", dealer);
  }

  /** Mean x of the pixels of a hue (see {@link #dominantPixels}), or NaN when there is none. */
  static double meanX(BufferedImage image, char channel, int yFrom, int yTo) {
    double sum = 0;
    long n = 0;
    for (int y = Math.max(0, yFrom); y < Math.min(image.getHeight(), yTo); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (isHue(image.getRGB(x, y), channel)) {
          sum += x;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Whether a pixel is within {@code tolerance} (sum of channel differences) of a colour. */
  static boolean near(int rgb, java.awt.Color color, int tolerance) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return Math.abs(r - color.getRed()) + Math.abs(g - color.getGreen()) + Math.abs(b - color.getBlue())
        <= tolerance;
  }

  /** Variance of the pixels' luminance (0..255 scale): 0 for a blank image. */
  static double luminanceVariance(BufferedImage image) {
    double sum = 0;
    double sumSq = 0;
    long n = (long) image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        double l =
            0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        sum += l;
        sumSq += l * l;
      }
    }
    double mean = sum / n;
    return sumSq / n - mean * mean;
  }

  /**
   * How many pixels are clearly of a hue: red dominant ("r"), green ("g") or blue ("b") by 60 levels, or
   * orange ("o": strong red, middling green, little blue), or any clear green tint ("G").
   */
  static long dominantPixels(BufferedImage image, char channel) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (isHue(image.getRGB(x, y), channel)) {
          count++;
        }
      }
    }
    return count;
  }

  /** Whether one pixel is of a hue, as {@link #dominantPixels} counts it. */
  static boolean isHue(int rgb, char channel) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return switch (channel) {
      case 'r' -> r > g + 60 && r > b + 60 && g < 110;
      case 'g' -> g > r + 60 && g > b + 30;
      case 'o' -> r > 200 && g > 120 && g < 215 && b < 150 && r > b + 90;
      case 'G' -> g > r + 25 && g > b + 15;
      default -> b > r + 60 && b > g + 30;
    };
  }

  /**
   * The analysis with another zero-gamma level: its all-expiries profile's (the analysis derives its level
   * from that profile).
   */
  static GexAnalysis withZeroGamma(GexAnalysis a, java.util.OptionalDouble zeroGamma) {
    java.util.List<io.gex.analysis.GammaProfile> profiles =
        new java.util.ArrayList<>(a.profiles().all());
    profiles.set(0, Records.with(profiles.get(0), "zeroGamma", zeroGamma));
    return Records.with(a, "profiles", new GexAnalysis.Profiles(profiles));
  }
}
