package io.gex.charts;

/** The charts {@link GexCharts} draws, each with the file name {@link GexReport} gives its PNG. */
public enum ChartKind {
  /** Call and put GEX bars by strike with net GEX in front, spot, walls and zero gamma marked. */
  GEX_BY_STRIKE("gex-by-strike.png", "GEX by strike"),
  /**
   * Total GEX against hypothetical spot around spot and the flip, with the profiles excluding the next
   * expiry and the next monthly beside it, spot and every zero crossing marked.
   */
  GAMMA_PROFILE("gamma-profile.png", "Gamma profile"),
  /** Call and put open interest by strike over all expiries, with spot, max pain and the walls. */
  OPEN_INTEREST("open-interest.png", "Open interest by strike"),
  /**
   * Net GEX by expiry (rows) and strike bin (columns), green positive and red negative, scaled per row;
   * drawn as pages ({@code gex-heatmap.png}, {@code gex-heatmap-2.png}, ...) so every expiry is shown.
   */
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

  /**
   * The PNG file name of a page: {@link #fileName()} for page 1, {@code gex-heatmap-2.png} for page 2.
   *
   * @param page the page number, from 1
   * @return the file name
   * @throws IllegalArgumentException if page is below 1
   */
  public String fileName(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1, was " + page);
    }
    return page == 1 ? fileName : fileName.replace(".png", "-" + page + ".png");
  }

  /** A short human-readable title, such as {@code GEX by strike}. */
  public String title() {
    return title;
  }
}
