package io.gex.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.alerts.GexAlert;
import io.gex.analysis.DataQuality;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.ExpiryDealerExposure;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.ExpiryZeroGamma;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GreekExposures;
import io.gex.analysis.Measure;
import io.gex.analysis.MeasureExposure;
import io.gex.analysis.MeasureProfile;
import io.gex.analysis.OpenInterestByStrike;
import io.gex.chain.ContractDiagnostic;
import io.gex.json.GexJson;
import io.gex.positions.PositionProvenance;
import io.gex.settings.ExpirySelection;
import io.gex.settings.GexSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The JSON document of {@code gex analyze --format json}: one object with the headline figures of an
 * analysis, its conventions and gamma state, its exposure by strike and expiry, the three gamma profiles,
 * expected moves, pin risk, dealer positioning (also by strike), open interest by strike and the alerts
 * raised.
 *
 * <p>Units: every exposure is in dollars of underlying per 1% move of the underlying ({@code totalGex} of
 * −2.77e9 is −$2.77bn per 1%), calls + and puts − under the default sign convention; every level and
 * strike is in index points; times are ISO-8601 strings. Numbers are plain JSON numbers. A level that does
 * not exist is {@code null}, never omitted. Keys are never removed or change meaning; later versions may add
 * keys.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code symbol}</td><td>the underlying symbol, such as {@code "SPX"}</td></tr>
 *   <tr><td>{@code spot}</td><td>spot price, index points</td></tr>
 *   <tr><td>{@code valuationTime}</td><td>the instant the chain describes, ISO-8601 UTC</td></tr>
 *   <tr><td>{@code convention}</td><td>the settings of the analysis: {@code signConvention}, {@code rate}
 *       and {@code dividendYield} (continuous, decimal), {@code multiplier}, {@code daysPerYear}, {@code
 *       settlementZone}, {@code amSettlementTime}, {@code pmSettlementTime}, {@code minTimeToExpiry}
 *       (ISO-8601 duration), {@code expirySelection} (the kind, such as {@code "ALL"}; with {@code
 *       expiryMinDays} and {@code expiryMaxDays} for a days-to-expiry range), {@code profileLow} and {@code profileHigh} (fractions
 *       of spot), {@code profilePoints}, {@code ivSource} ({@code vendor}, {@code otm} or {@code mid}), and {@code gexUnit}
 *       ({@code "USD per 1% move"}); {@code expiryZeroGamma} and {@code dealerProfiles}, whether the opt-in
 *       figures below were computed ({@code --expiry-zero-gamma}, {@code --dealer-profiles}); {@code units},
 *       an object from each measure ({@code gamma}, {@code delta}, {@code vanna}, {@code charm}, {@code
 *       vomma}, {@code speed}, {@code zomma}, {@code color}) to the unit of its figures</td></tr>
 *   <tr><td>{@code totalGex}, {@code callGex}, {@code putGex}</td><td>exposure at spot, $ per 1%</td></tr>
 *   <tr><td>{@code zeroGamma}</td><td>the zero-gamma (flip) level nearest spot, or null when the profile
 *       does not cross zero in its range</td></tr>
 *   <tr><td>{@code zeroGammaCrossings}</td><td>every zero crossing of the all-expiries gamma profile,
 *       ascending</td></tr>
 *   <tr><td>{@code flipDistancePercent}</td><td>(zeroGamma − spot) / spot × 100, or null</td></tr>
 *   <tr><td>{@code strikeZeroGamma}</td><td>the zero of cumulative net exposure over ascending strikes, or
 *       null</td></tr>
 *   <tr><td>{@code regime}</td><td>{@code "POSITIVE"}, {@code "NEGATIVE"} or {@code "NEUTRAL"}: the sign
 *       of total exposure at spot</td></tr>
 *   <tr><td>{@code callWall}, {@code putWall}, {@code absGammaStrike}</td><td>strike at or above spot with
 *       the largest call exposure; at or below spot with the largest absolute put exposure; with the largest
 *       |call| + |put| exposure; each null when none</td></tr>
 *   <tr><td>{@code contractsUsed}</td><td>contracts priced</td></tr>
 *   <tr><td>{@code contractsSkipped}</td><td>contracts and rows left out</td></tr>
 *   <tr><td>{@code dataQuality}</td><td>{@code contractsSubstituted} (contracts whose implied volatility
 *       the IV source replaced), {@code substitutionsByReason}, {@code substitutedGexShare} (their share of
 *       gross GEX, 0 to 1) and {@code skippedOpenInterestShare} (the left-out contracts' share of the chain's
 *       open interest, 0 to 1)</td></tr>
 *   <tr><td>{@code positions}</td><td>where the dealer positions every exposure weighs came from: {@code
 *       model} ({@code oi}, {@code volume}, {@code flow} or a plugin's id), the tape's {@code trades}, {@code
 *       classified}, {@code unclassified}, {@code stale} (quote older than the limit) and {@code
 *       tradesOutsideChain} (contracts not in the chain or not priced), {@code flowGexShare} (the share of
 *       gross GEX that comes from intraday flow, 0 to 1), the checks {@code netAboveVolume} (contracts whose
 *       customer net exceeds their volume: 0 unless the tape is broken), {@code flaggedCount} and {@code
 *       flagged} (contracts whose customer net exceeds 5× their open interest: {@code {option, customerNet,
 *       volume, openInterest}}, largest ratio first, at most 20), {@code modelFailures}, and {@code summary}
 *       in words</td></tr>
 *   <tr><td>{@code skippedByReason}</td><td>object: reason ({@code MALFORMED}, {@code DUPLICATE}, {@code
 *       SETTLED}, {@code NO_IMPLIED_VOLATILITY}, {@code EXCLUDED_BY_EXPIRY_SELECTION}) → count, reasons with
 *       no contract left out</td></tr>
 *   <tr><td>{@code byStrike}</td><td>array, ascending strike: {@code {strike, callGex, putGex,
 *       netGex}}</td></tr>
 *   <tr><td>{@code byExpiry}</td><td>array, ascending expiry: {@code {expiry (yyyy-MM-dd), daysToExpiry,
 *       callGex, putGex, netGex, openInterest, contracts, zeroGamma}}, zeroGamma being the zero crossing
 *       nearest spot of the gamma profile of that expiry's contracts alone (null when it has none, or when
 *       {@code --expiry-zero-gamma} was not given)</td></tr>
 *   <tr><td>{@code maxPain}</td><td>array, ascending expiry: {@code {expiry, strike}}, the strike that
 *       minimises what holders are paid at settlement</td></tr>
 *   <tr><td>{@code pinRisk}</td><td>array, ascending expiry: {@code {expiry, daysToExpiry, score (0-100),
 *       strike}}, strike being the candidate pin (the strike nearest spot)</td></tr>
 *   <tr><td>{@code deltaExposure}</td><td>dealer delta exposure, $</td></tr>
 *   <tr><td>{@code vannaExposure}</td><td>change of dealer dollar delta per vol point up, $</td></tr>
 *   <tr><td>{@code charmExposure}</td><td>change of dealer dollar delta per calendar day, $</td></tr>
 *   <tr><td>{@code vommaExposure}</td><td>change of dealer vega ($ per vol point) per vol point up,
 *       $</td></tr>
 *   <tr><td>{@code speedExposure}</td><td>change of GEX ($ per 1%) from gamma's change for a 1% rise of
 *       spot, $ per 1% per 1%</td></tr>
 *   <tr><td>{@code zommaExposure}</td><td>change of GEX ($ per 1%) per vol point up, $ per 1% per vol
 *       point</td></tr>
 *   <tr><td>{@code colorExposure}</td><td>change of GEX ($ per 1%) per calendar day passing, $ per 1% per
 *       day</td></tr>
 *   <tr><td>{@code zeroDelta}</td><td>spot where dealer delta exposure crosses zero, or null</td></tr>
 *   <tr><td>{@code dealerPosition}</td><td>{@code "LONG_GAMMA"}, {@code "SHORT_GAMMA"} or {@code
 *       "NEUTRAL"}</td></tr>
 *   <tr><td>{@code hedgingPressure}</td><td>{@code "BUY_WEAKNESS_SELL_STRENGTH"}, {@code
 *       "SELL_WEAKNESS_BUY_STRENGTH"} or {@code "BALANCED"}</td></tr>
 *   <tr><td>{@code hedgeFlowPerPercent}</td><td>$ of underlying dealers trade for a 1% move up (positive:
 *       they sell)</td></tr>
 *   <tr><td>{@code destabilising}</td><td>whether dealer hedging amplifies moves</td></tr>
 *   <tr><td>{@code grossGex}</td><td>sum of every contract's |GEX|, $ per 1%</td></tr>
 *   <tr><td>{@code gammaState}</td><td>the gamma state in one sentence, as the text output says it, such as
 *       {@code "negative gamma: dealers short gamma, their hedging amplifies moves"}</td></tr>
 *   <tr><td>{@code conventions}</td><td>the conventions that decide sign and size, in one line, such as
 *       {@code "r 0.00%, q 0.00%, IV otm, dealers long calls / short puts"}</td></tr>
 *   <tr><td>{@code profiles}</td><td>array of the gamma profiles: {@code {scope ("all", "ex-next-expiry" or
 *       "ex-next-monthly"), excludedExpiry (yyyy-MM-dd or null), zeroGamma (or null), crossings (ascending),
 *       spots, totalGex}}, spots ascending in index points and totalGex at each spot in $ per 1%</td></tr>
 *   <tr><td>{@code expectedMove}</td><td>array, ascending expiry: {@code {expiry, daysToExpiry, points,
 *       percent, atmVolatility, timeToExpiry}}: spot × ATM IV × sqrt(years to settlement), in index points
 *       and in % of spot; the ATM IV as a decimal; years</td></tr>
 *   <tr><td>{@code dealerByStrike}</td><td>array, ascending strike: {@code {strike, delta, vanna, charm,
 *       vomma, speed, zomma, color}}, dealer delta exposure ($), its change per vol point ($) and per
 *       calendar day ($), and the four exposures above at the strike</td></tr>
 *   <tr><td>{@code dealerByExpiry}</td><td>array, ascending expiry: {@code {expiry, delta, vanna, charm,
 *       vomma, speed, zomma, color}}, the same exposures by expiry</td></tr>
 *   <tr><td>{@code dealerProfiles}</td><td>null unless {@code --dealer-profiles}; else {@code {spots,
 *       delta, vanna, charm}}: the spots of the gamma profile and, at each, total delta ($), vanna ($ per
 *       vol point) and charm ($ per day) exposure re-priced there (same volatilities and times)</td></tr>
 *   <tr><td>{@code openInterestByStrike}</td><td>array, ascending strike: {@code {strike, callOpenInterest,
 *       putOpenInterest}}, contracts over the expiries analysed</td></tr>
 *   <tr><td>{@code alerts}</td><td>array of the alerts raised: {@code {type, severity, message, ruleId,
 *       key}}</td></tr>
 * </table>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class AnalysisJson {

  /** The unit of every exposure, as written in {@code convention.gexUnit}. */
  public static final String GEX_UNIT = "USD per 1% move";

  private static final ObjectMapper MAPPER = GexJson.newMapper();
  private static final ObjectMapper PRETTY =
      GexJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AnalysisJson() {}

  /**
   * The JSON object of an analysis and the alerts raised on it.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised, in order (may be empty)
   * @return a new, mutable tree
   */
  public static ObjectNode toTree(GexAnalysis analysis, List<GexAlert> alerts) {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(alerts, "alerts");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("symbol", analysis.symbol());
    root.put("spot", analysis.spot());
    root.put("valuationTime", analysis.valuationTime().toString());
    root.set("convention", convention(analysis.settings()));
    root.put("totalGex", analysis.totalGex());
    root.put("callGex", analysis.exposures().callGex());
    root.put("putGex", analysis.exposures().putGex());
    level(root, "zeroGamma", analysis.zeroGamma());
    ArrayNode crossings = root.putArray("zeroGammaCrossings");
    analysis.zeroGammaCrossings().stream().forEach(crossings::add);
    level(root, "flipDistancePercent", analysis.flipDistancePercent());
    level(root, "strikeZeroGamma", analysis.exposures().strikeZeroGamma());
    root.put("regime", analysis.regime().name());
    level(root, "callWall", analysis.callWall());
    level(root, "putWall", analysis.putWall());
    level(root, "absGammaStrike", analysis.exposures().absGammaStrike());
    root.put("contractsUsed", analysis.coverage().contractsUsed());
    root.put("contractsSkipped", analysis.contractsSkipped());
    ObjectNode skipped = root.putObject("skippedByReason");
    for (Map.Entry<ContractDiagnostic.Reason, Integer> e : analysis.skippedByReason().entrySet()) {
      skipped.put(e.getKey().name(), e.getValue());
    }
    DataQuality quality = analysis.coverage().dataQuality();
    ObjectNode q = root.putObject("dataQuality");
    q.put("contractsSubstituted", quality.contractsSubstituted());
    ObjectNode substituted = q.putObject("substitutionsByReason");
    quality.substitutionsByReason().forEach((reason, n) -> substituted.put(reason.name(), n));
    q.put("substitutedGexShare", quality.substitutedGexShare());
    q.put("skippedOpenInterestShare", quality.skippedOpenInterestShare());
    PositionProvenance pp = analysis.provenance().positions();
    ObjectNode positions = root.putObject("positions");
    positions.put("model", pp.model());
    positions.put("trades", pp.trades());
    positions.put("classified", pp.classified());
    positions.put("unclassified", pp.unclassified());
    positions.put("stale", pp.stale());
    positions.put("tradesOutsideChain", pp.tradesOutsideChain());
    positions.put("flowGexShare", pp.flowGexShare());
    positions.put("netAboveVolume", pp.netAboveVolume());
    positions.put("flaggedCount", pp.flaggedCount());
    ArrayNode flagged = positions.putArray("flagged");
    for (PositionProvenance.FlaggedContract f : pp.flagged()) {
      ObjectNode row = flagged.addObject();
      row.put("option", f.option());
      row.put("customerNet", f.customerNet());
      row.put("volume", f.volume());
      row.put("openInterest", f.openInterest());
    }
    positions.put("modelFailures", pp.modelFailures());
    positions.put("summary", pp.summary());

    ArrayNode byStrike = root.putArray("byStrike");
    GexByStrike s = analysis.exposures().byStrike();
    for (int i = 0; i < s.size(); i++) {
      ObjectNode row = byStrike.addObject();
      row.put("strike", s.strikes().get(i));
      row.put("callGex", s.callGex().get(i));
      row.put("putGex", s.putGex().get(i));
      row.put("netGex", s.netGex().get(i));
    }
    GreekExposures greeks = analysis.greeks();
    ArrayNode byExpiry = root.putArray("byExpiry");
    for (ExpiryGex e : analysis.exposures().byExpiry()) {
      ObjectNode row = byExpiry.addObject();
      row.put("expiry", e.expiry().toString());
      row.put("daysToExpiry", e.daysToExpiry());
      row.put("callGex", e.callGex());
      row.put("putGex", e.putGex());
      row.put("netGex", e.netGex());
      row.put("openInterest", e.openInterest());
      row.put("contracts", e.contracts());
      level(row, "zeroGamma", expiryZeroGamma(greeks, e.expiry()));
    }

    ArrayNode maxPain = root.putArray("maxPain");
    ArrayNode pinRisk = root.putArray("pinRisk");
    for (ExpiryPinRisk p : analysis.pinRisk().expiries()) {
      ObjectNode mp = maxPain.addObject();
      mp.put("expiry", p.expiry().toString());
      mp.put("strike", p.maxPain());
      ObjectNode pr = pinRisk.addObject();
      pr.put("expiry", p.expiry().toString());
      pr.put("daysToExpiry", p.daysToExpiry());
      pr.put("score", p.score());
      pr.put("strike", p.pinStrike());
    }

    DealerPositioning d = analysis.dealer();
    root.put("deltaExposure", d.deltaExposure());
    root.put("vannaExposure", d.vannaExposure());
    root.put("charmExposure", d.charmExposure());
    for (MeasureExposure m : greeks.exposures()) {
      root.put(m.measure().id() + "Exposure", m.total());
    }
    level(root, "zeroDelta", d.zeroDelta());
    root.put("dealerPosition", d.position().name());
    root.put("hedgingPressure", d.hedgingPressure().name());
    root.put("hedgeFlowPerPercent", d.hedgeFlowPerPercent());
    root.put("destabilising", d.destabilising());
    root.put("grossGex", d.grossGex());

    root.put("gammaState", analysis.gammaState());
    root.put("conventions", analysis.settings().describe());
    profiles(root.putArray("profiles"), analysis);
    ArrayNode moves = root.putArray("expectedMove");
    for (ExpiryPinRisk p : analysis.pinRisk().expiries()) {
      ObjectNode m = moves.addObject();
      m.put("expiry", p.expiry().toString());
      m.put("daysToExpiry", p.daysToExpiry());
      m.put("points", p.expectedMove());
      m.put("percent", p.expectedMove() / analysis.spot() * 100);
      m.put("atmVolatility", p.atmVolatility());
      m.put("timeToExpiry", p.timeToExpiry());
    }
    ArrayNode dealerByStrike = root.putArray("dealerByStrike");
    DealerExposuresByStrike ds = d.byStrike();
    for (int i = 0; i < ds.strikes().size(); i++) {
      ObjectNode row = dealerByStrike.addObject();
      row.put("strike", ds.strikes().get(i));
      row.put("delta", ds.delta().get(i));
      row.put("vanna", ds.vanna().get(i));
      row.put("charm", ds.charm().get(i));
      for (MeasureExposure m : greeks.exposures()) {
        if (m.strikes().equals(ds.strikes())) {
          row.put(m.measure().id(), m.callByStrike().get(i) + m.putByStrike().get(i));
        }
      }
    }
    ArrayNode dealerByExpiry = root.putArray("dealerByExpiry");
    List<ExpiryDealerExposure> de = d.byExpiry();
    for (int e = 0; e < de.size(); e++) {
      ObjectNode row = dealerByExpiry.addObject();
      row.put("expiry", de.get(e).expiry().toString());
      row.put("delta", de.get(e).delta());
      row.put("vanna", de.get(e).vanna());
      row.put("charm", de.get(e).charm());
      for (MeasureExposure m : greeks.exposures()) {
        if (m.expiries().size() == de.size() && m.expiries().get(e).equals(de.get(e).expiry())) {
          row.put(m.measure().id(), m.callByExpiry().get(e) + m.putByExpiry().get(e));
        }
      }
    }
    dealerProfiles(root, greeks);
    ArrayNode oiByStrike = root.putArray("openInterestByStrike");
    OpenInterestByStrike oi = analysis.pinRisk().openInterestByStrike();
    for (int i = 0; i < oi.size(); i++) {
      ObjectNode row = oiByStrike.addObject();
      row.put("strike", oi.strikes().get(i));
      row.put("callOpenInterest", oi.callOpenInterest().get(i));
      row.put("putOpenInterest", oi.putOpenInterest().get(i));
    }

    ArrayNode alertArray = root.putArray("alerts");
    for (GexAlert a : alerts) {
      ObjectNode node = alertArray.addObject();
      node.put("type", a.type());
      node.put("severity", a.severity().name());
      node.put("message", a.message());
      node.put("ruleId", a.ruleId());
      node.put("key", a.key());
    }
    return root;
  }

  /**
   * The JSON text of an analysis and its alerts, indented, without a trailing newline.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised (may be empty)
   * @return the JSON text
   * @throws GexException if it cannot be written (a bug, not an input problem)
   */
  public static String write(GexAnalysis analysis, List<GexAlert> alerts) {
    try {
      return PRETTY.writeValueAsString(toTree(analysis, alerts));
    } catch (JsonProcessingException e) {
      throw new GexException("cannot write the analysis of " + analysis.symbol() + " as JSON", e);
    }
  }

  /**
   * The JSON text of an analysis and its alerts on one line (the document of {@link #write}, not
   * indented), without a trailing newline: what {@code gex live} prints per analysis.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised (may be empty)
   * @return the JSON text, one line
   * @throws GexException if it cannot be written (a bug, not an input problem)
   */
  public static String writeLine(GexAnalysis analysis, List<GexAlert> alerts) {
    try {
      return MAPPER.writeValueAsString(toTree(analysis, alerts));
    } catch (JsonProcessingException e) {
      throw new GexException("cannot write the analysis of " + analysis.symbol() + " as JSON", e);
    }
  }

  /** The id of a profile scope in JSON: {@code all}, {@code ex-next-expiry}, {@code ex-next-monthly}. */
  static String scopeId(GammaProfile.Scope scope) {
    return switch (scope) {
      case ALL_EXPIRIES -> "all";
      case EXCLUDING_NEXT_EXPIRY -> "ex-next-expiry";
      case EXCLUDING_NEXT_MONTHLY -> "ex-next-monthly";
    };
  }

  private static void profiles(ArrayNode array, GexAnalysis analysis) {
    for (GammaProfile p : analysis.profiles().all()) {
      ObjectNode node = array.addObject();
      node.put("scope", scopeId(p.scope()));
      if (p.excludedExpiry().isPresent()) {
        node.put("excludedExpiry", p.excludedExpiry().get().toString());
      } else {
        node.putNull("excludedExpiry");
      }
      level(node, "zeroGamma", p.zeroGamma());
      ArrayNode crossings = node.putArray("crossings");
      p.crossings().stream().forEach(crossings::add);
      ArrayNode spots = node.putArray("spots");
      p.spots().stream().forEach(spots::add);
      ArrayNode totals = node.putArray("totalGex");
      p.totalGex().stream().forEach(totals::add);
    }
  }

  private static OptionalDouble expiryZeroGamma(GreekExposures greeks, LocalDate expiry) {
    for (ExpiryZeroGamma z : greeks.zeroGammaByExpiry()) {
      if (z.expiry().equals(expiry)) {
        return z.zeroGamma();
      }
    }
    return OptionalDouble.empty();
  }

  /** {@code dealerProfiles}: null unless computed, else the spots and one array per measure. */
  private static void dealerProfiles(ObjectNode root, GreekExposures greeks) {
    List<MeasureProfile> profiles = greeks.profiles();
    if (profiles.isEmpty()) {
      root.putNull("dealerProfiles");
      return;
    }
    ObjectNode node = root.putObject("dealerProfiles");
    ArrayNode spots = node.putArray("spots");
    profiles.get(0).spots().stream().forEach(spots::add);
    for (MeasureProfile p : profiles) {
      ArrayNode values = node.putArray(p.measure().id());
      p.values().stream().forEach(values::add);
    }
  }

  private static ObjectNode convention(GexSettings settings) {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("signConvention", settings.signConvention().name());
    c.put("rate", settings.rate());
    c.put("dividendYield", settings.dividendYield());
    c.put("multiplier", settings.multiplier());
    c.put("daysPerYear", settings.daysPerYear());
    c.put("settlementZone", settings.settlementZone().getId());
    c.put("amSettlementTime", settings.amSettlementTime().toString());
    c.put("pmSettlementTime", settings.pmSettlementTime().toString());
    c.put("minTimeToExpiry", settings.minTimeToExpiry().toString());
    ExpirySelection selection = settings.expirySelection();
    c.put("expirySelection", selection.kind().name());
    if (selection.kind() == ExpirySelection.Kind.DAYS_TO_EXPIRY) {
      c.put("expiryMinDays", selection.minDays());
      c.put("expiryMaxDays", selection.maxDays());
    }
    c.put("profileLow", settings.profileLow());
    c.put("profileHigh", settings.profileHigh());
    c.put("profilePoints", settings.profilePoints());
    c.put("ivSource", settings.ivSource().id());
    c.put("gexUnit", GEX_UNIT);
    c.put("expiryZeroGamma", settings.expiryZeroGamma());
    c.put("dealerProfiles", settings.dealerProfiles());
    ObjectNode units = c.putObject("units");
    for (Measure m : Measure.values()) {
      units.put(m.id(), m.unit());
    }
    return c;
  }

  private static void level(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }
}
