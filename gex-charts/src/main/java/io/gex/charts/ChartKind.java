package io.gex.charts;

/** The charts {@link GexCharts} draws, each with the file name {@link GexReport} gives its PNG. */
public enum ChartKind {
  /** Call and put GEX bars by strike with the net line, spot, walls and zero gamma marked. */
  GEX_BY_STRIKE("gex-by-strike.png", "GEX by strike"),
  /** Total GEX against hypothetical spot, with the zero line, spot and every zero crossing marked. */
  GAMMA_PROFILE("gamma-profile.png", "Gamma profile"),
  /** Net GEX by expiry (rows) and strike (columns), diverging colours centred on zero. */
  HEATMAP("gex-heatmap.png", "Net GEX heatmap"),
  /**
   * Dealer delta, vanna and charm exposure by strike; drawn only when the analysis has dealer exposures
   * by strike.
   */
  DEALER_EXPOSURES("dealer-exposures.png", "Dealer exposures by strike");

  private final String fileName;
  private final String title;

  ChartKind(String fileName, String title) {
    this.fileName = fileName;
    this.title = title;
  }

  /** The PNG file name used by {@link GexReport}, such as {@code gex-by-strike.png}. */
  public String fileName() {
    return fileName;
  }

  /** A short human-readable title, such as {@code GEX by strike}. */
  public String title() {
    return title;
  }
}
