package io.gex;

/**
 * Observes analyses, for metrics: called once per analysis, after it completes, on the analysing thread. A
 * listener that throws is logged at WARN and otherwise ignored; it never fails the analysis. Listeners must
 * be thread-safe when the engine is shared.
 */
@FunctionalInterface
public interface AnalysisListener {

  /** Called after an analysis completed. */
  void onAnalysis(AnalysisTimings timings);
}
