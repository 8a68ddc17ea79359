package io.gex.analysis;

import io.gex.chain.ContractDiagnostic;
import io.gex.chain.ContractDiagnostic.Reason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much of an analysis rests on repaired or missing inputs: the contracts priced with a substituted
 * implied volatility (see {@link io.gex.settings.IvSource}), with their share of gross GEX, and the share of open
 * interest of the contracts left out, by reason. The contracts left out themselves, with their counts, are
 * the analysis's {@code diagnostics()} and {@code skippedByReason()}; substitutions are not among them.
 *
 * <ul>
 *   <li>Substituted GEX share of a reason: Σ |GEX at spot| of the contracts substituted for that reason over
 *       gross GEX (Σ |GEX at spot| of every priced contract), in [0, 1].
 *   <li>Skipped open-interest share of a reason: the open interest of the contracts left out for that reason
 *       over the open interest of every contract of the chain, in [0, 1]. Left-out contracts have no GEX (a
 *       contract without a volatility has no gamma), so open interest is the measure of what they weigh;
 *       rows the source could not read ({@code MALFORMED}, {@code DUPLICATE}) carry no known open interest
 *       and count 0.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param substitutions one diagnostic per contract priced with a substituted implied volatility
 * @param substitutedGexShareByReason share of gross GEX of the substituted contracts, by substitution
 *     reason (reasons with no substitution are absent)
 * @param skippedOpenInterestShareByReason share of the chain's open interest of the contracts left out, by
 *     reason (reasons with no open interest left out are absent)
 */
public record DataQuality(
    List<ContractDiagnostic> substitutions,
    Map<Reason, Double> substitutedGexShareByReason,
    Map<Reason, Double> skippedOpenInterestShareByReason) {

  /** No substitution and nothing left out. */
  public static final DataQuality NONE = new DataQuality(List.of(), Map.of(), Map.of());

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if a substitution diagnostic has a reason that is not a substitution, a
   *     share is outside [0, 1], or a substitution share's reason is not a substitution
   */
  public DataQuality {
    substitutions = List.copyOf(substitutions);
    for (ContractDiagnostic d : substitutions) {
      if (!d.reason().isSubstitution()) {
        throw new IllegalArgumentException(
            "substitutions must have substitution reasons, was " + d.reason() + " for " + d.location());
      }
    }
    substitutedGexShareByReason = copy("substitutedGexShareByReason", substitutedGexShareByReason);
    for (Reason r : substitutedGexShareByReason.keySet()) {
      if (!r.isSubstitution()) {
        throw new IllegalArgumentException(
            "substitutedGexShareByReason must have substitution reasons, was " + r);
      }
    }
    skippedOpenInterestShareByReason =
        copy("skippedOpenInterestShareByReason", skippedOpenInterestShareByReason);
  }

  private static Map<Reason, Double> copy(String name, Map<Reason, Double> shares) {
    Objects.requireNonNull(shares, name);
    EnumMap<Reason, Double> out = new EnumMap<>(Reason.class);
    for (Map.Entry<Reason, Double> e : shares.entrySet()) {
      double v = Objects.requireNonNull(e.getValue(), name);
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(
            name + " must hold shares in [0, 1], was " + v + " for " + e.getKey());
      }
      out.put(Objects.requireNonNull(e.getKey(), name), v);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The number of contracts priced with a substituted implied volatility. */
  public int contractsSubstituted() {
    return substitutions.size();
  }

  /** The number of substitutions by reason. */
  public Map<Reason, Integer> substitutionsByReason() {
    Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
    for (ContractDiagnostic d : substitutions) {
      counts.merge(d.reason(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** The share of gross GEX from contracts priced with a substituted implied volatility, in [0, 1]. */
  public double substitutedGexShare() {
    return Math.min(1, sum(substitutedGexShareByReason));
  }

  /** The share of the chain's open interest left out, for every reason, in [0, 1]. */
  public double skippedOpenInterestShare() {
    return Math.min(1, sum(skippedOpenInterestShareByReason));
  }

  private static double sum(Map<Reason, Double> shares) {
    double s = 0;
    for (double v : shares.values()) {
      s += v;
    }
    return s;
  }
}
