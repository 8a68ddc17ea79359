package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): the
 * page loads, its four charts draw, and a chain posted to the API appears on the page. Without a browser
 * the class is skipped with one line on the console.
 */
@ExtendWith(DashboardBrowserTest.BrowserAvailable.class)
class DashboardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void theChartsDrawAndAPostedChainAppears() throws Exception {
    Path profile = Files.createTempDirectory("gex-chromium-");
    try (GexServer server =
        GexServer.builder().port(0).files(List.of(GexServerTest.RUT)).build().start()) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      try {
        driver.get(server.url() + "/?symbol=RUT");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> number(d, "return window.gexDashboard ? window.gexDashboard.updates : 0") >= 1);
        assertThat(driver.findElement(By.id("time")).getText()).startsWith("2022-12-13 01:30:00");
        assertThat(driver.findElement(By.id("callWall")).getText()).isNotEqualTo("–");
        for (String chart : List.of("strikes", "profile", "heatmap", "session")) {
          long painted =
              number(
                  driver,
                  "const c = document.querySelector('#" + chart + " canvas');"
                      + " if (!c || c.width === 0 || c.height === 0) { return -1; }"
                      + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                      + " let n = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) { n++; } }"
                      + " return n;");
          assertThat(painted).as("painted pixels of the %s chart", chart).isGreaterThan(1000);
        }

        Http http = new Http(server.url(), null);
        var posted = http.post("/api/v1/chains", Files.readAllBytes(Path.of("..", "data", "cboe-rut-2023-09-20.json")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        wait.until(d -> d.findElement(By.id("time")).getText().startsWith("2023-09-20"));
        wait.until(d -> number(d, "return window.gexDashboard.session.length") >= 2);
        wait.until(d -> number(d, "return window.gexDashboard.updates") >= 2);
        String spot = Http.json(http.get("/api/v1/gex/RUT/profile")).get("spot").asText();
        assertThat(driver.findElement(By.id("spot")).getText().replace(",", ""))
            .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(spot)).replaceAll("\\.?0+$", ""));
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
      } finally {
        driver.quit();
      }
    }
  }

  private static long number(org.openqa.selenium.WebDriver driver, String script) {
    Object value = ((JavascriptExecutor) driver).executeScript(script);
    return value instanceof Number n ? n.longValue() : 0;
  }

  /** Runs the class only where Chromium and its driver are installed; says why not otherwise. */
  static final class BrowserAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<String> missing =
          Map.of(CHROMIUM, "chromium", DRIVER, "chromium-driver").entrySet().stream()
              .filter(e -> !Files.isExecutable(e.getKey()))
              .map(e -> "no " + e.getKey() + " (apt-get install -y " + e.getValue() + ")")
              .findFirst();
      if (missing.isPresent()) {
        // One line on the console per skipped class: a silent skip would hide that nothing ran.
        System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + missing.get());
        return ConditionEvaluationResult.disabled(missing.get());
      }
      return ConditionEvaluationResult.enabled("Chromium and its driver are installed");
    }
  }
}
