package io.gex.cache.redis;

import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GexHeatmap;
import io.gex.analysis.MeasureExposure;
import io.gex.analysis.OpenInterestStrike;
import io.gex.cache.GexCacheKey;
import java.util.OptionalDouble;

/**
 * Whether an analysis read back from Redis is one the engine could have produced: the cache serves nothing
 * else. Decoding through the records' constructors already checks part of it (the dealer and pin-risk
 * figures, every figure finite, counts not negative) and the stored form's derived figures (total GEX,
 * regime and zero gamma, which {@code gex-json} checks against what the analysis derives); this checks the
 * rest.
 *
 * <ul>
 *   <li>it is the key's: same symbol and valuation instant;
 *   <li>every figure is finite (checked again here for the dealer exposures by strike), the spot is
 *       {@code > 0};
 *   <li>strikes are positive and strictly ascending, the heatmap has the by-strike strikes;
 *   <li>the parts add up: per strike and per expiry {@code net = call + put} (to a relative 1e-9, the
 *       engine's own sums are exact);
 *   <li>the walls and the absolute-gamma strike are listed strikes, the call wall at or above spot, the put
 *       wall at or below; the zero-gamma levels are finite and {@code > 0}; each profile's zero gamma is
 *       one of its crossings;
 *   <li>expiry counts are not negative;
 *   <li>the higher-order exposures ({@link GexAnalysis#greeks()}) have the by-strike strikes.
 * </ul>
 *
 * <p>This class is stateless and thread-safe.
 */
final class AnalysisCheck {

  /** Relative tolerance of the sums; the engine's are exact, so this only absorbs other summation orders. */
  static final double SUM_TOLERANCE = 1e-9;

  private AnalysisCheck() {}

  /**
   * Checks an analysis against its key and the engine's invariants.
   *
   * @throws GexException naming the first field that is wrong and its value
   */
  static void check(GexAnalysis a, GexCacheKey key) {
    if (!a.symbol().equals(key.symbol()) || !a.valuationTime().equals(key.valuationTime())) {
      throw new GexException(
          "holds " + a.symbol() + "@" + a.valuationTime() + ", the key is "
              + key.symbol() + "@" + key.valuationTime());
    }
    check(a);
  }

  /**
   * Checks an analysis against the engine's invariants.
   *
   * @throws GexException naming the first field that is wrong and its value
   */
  static void check(GexAnalysis a) {
    positive("spot", a.spot());

    GexByStrike byStrike = a.exposures().byStrike();
    strikes("byStrike.strikes", byStrike.strikes());
    for (int i = 0; i < byStrike.size(); i++) {
      double call = finite("byStrike.callGex", byStrike.callGex(), i);
      double put = finite("byStrike.putGex", byStrike.putGex(), i);
      sum("byStrike.netGex[" + i + "]", finite("byStrike.netGex", byStrike.netGex(), i), call, put);
    }
    for (ExpiryGex e : a.exposures().byExpiry()) {
      String where = "byExpiry[" + e.expiry() + "].";
      finite(where + "callGex", e.callGex());
      finite(where + "putGex", e.putGex());
      finite(where + "netGex", e.netGex());
      sum(where + "netGex", e.netGex(), e.callGex(), e.putGex());
      if (e.openInterest() < 0 || e.contracts() < 0) {
        throw bad(where + "openInterest/contracts", e.openInterest() + "/" + e.contracts());
      }
    }

    GexHeatmap heatmap = a.exposures().heatmap();
    if (!heatmap.strikes().equals(byStrike.strikes())) {
      throw bad("heatmap.strikes", "not the by-strike strikes (" + heatmap.strikes().size() + " strikes)");
    }
    allFinite("heatmap.netGex", heatmap.netGex());

    for (GammaProfile p : a.profiles().all()) {
      String where = "profiles[" + p.scope() + "].";
      strikes(where + "spots", p.spots());
      allFinite(where + "totalGex", p.totalGex());
      allFinite(where + "crossings", p.crossings());
      if (p.zeroGamma().isPresent()
          && p.crossings().stream().noneMatch(c -> c == p.zeroGamma().getAsDouble())) {
        throw bad(where + "zeroGamma", p.zeroGamma().getAsDouble() + " is not one of its crossings");
      }
    }
    level("zeroGamma", a.zeroGamma());
    level("strikeZeroGamma", a.exposures().strikeZeroGamma());

    listedStrike("callWall", a.callWall(), byStrike);
    listedStrike("putWall", a.putWall(), byStrike);
    listedStrike("absGammaStrike", a.exposures().absGammaStrike(), byStrike);
    if (a.callWall().isPresent() && a.callWall().getAsDouble() < a.spot()) {
      throw bad("callWall", a.callWall().getAsDouble() + " is below spot " + a.spot());
    }
    if (a.putWall().isPresent() && a.putWall().getAsDouble() > a.spot()) {
      throw bad("putWall", a.putWall().getAsDouble() + " is above spot " + a.spot());
    }

    // Their constructors check the ranges; only the links to the strikes are left.
    for (ExpiryPinRisk e : a.pinRisk().expiries()) {
      positive("pinRisk[" + e.expiry() + "].maxPain", e.maxPain());
    }
    for (OpenInterestStrike s : a.pinRisk().topStrikes()) {
      positive("pinRisk.topStrikes.strike", s.strike());
    }
    DealerExposuresByStrike dealer = a.dealer().byStrike();
    strikes("dealer.byStrike.strikes", dealer.strikes());
    allFinite("dealer.byStrike.delta", dealer.delta());
    allFinite("dealer.byStrike.vanna", dealer.vanna());
    allFinite("dealer.byStrike.charm", dealer.charm());
    level("dealer.zeroDelta", a.dealer().zeroDelta());

    // Their constructors check that every figure is finite; only the links to the strikes are left.
    for (MeasureExposure m : a.greeks().exposures()) {
      if (!m.strikes().equals(byStrike.strikes())) {
        throw bad("greeks." + m.measure().id() + ".strikes", "not the by-strike strikes");
      }
    }
  }

  private static GexException bad(String field, String value) {
    return new GexException("invalid " + field + ": " + value);
  }

  private static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw bad(field, value + " (must be finite)");
    }
  }

  private static double finite(String field, DoubleArray values, int i) {
    double v = values.get(i);
    if (!Double.isFinite(v)) {
      throw bad(field + "[" + i + "]", v + " (must be finite)");
    }
    return v;
  }

  private static void allFinite(String field, DoubleArray values) {
    for (int i = 0; i < values.size(); i++) {
      finite(field, values, i);
    }
  }

  private static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw bad(field, value + " (must be finite and > 0)");
    }
  }

  /** Finite, {@code > 0}, strictly ascending. */
  private static void strikes(String field, DoubleArray values) {
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      positive(field + "[" + i + "]", v);
      if (i > 0 && !(v > values.get(i - 1))) {
        throw bad(field + "[" + i + "]", v + " (must be above the previous " + values.get(i - 1) + ")");
      }
    }
  }

  private static void level(String field, OptionalDouble level) {
    if (level.isPresent()) {
      positive(field, level.getAsDouble());
    }
  }

  private static void listedStrike(String field, OptionalDouble strike, GexByStrike byStrike) {
    if (strike.isPresent()) {
      positive(field, strike.getAsDouble());
      if (byStrike.indexOf(strike.getAsDouble()) < 0) {
        throw bad(field, strike.getAsDouble() + " is not a listed strike");
      }
    }
  }

  /** {@code total = a + b} to a relative {@link #SUM_TOLERANCE}. */
  private static void sum(String field, double total, double a, double b) {
    double scale = Math.abs(a) + Math.abs(b);
    if (!(Math.abs(total - (a + b)) <= SUM_TOLERANCE * scale)) {
      throw bad(field, total + " is not the sum " + a + " + " + b);
    }
  }
}
