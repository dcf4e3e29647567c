package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.failmode.Fixtures;
import dev.failmode.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report in a real browser: Debian's headless Chromium, driven by Selenium through
 * chromedriver. The report opens from a file with the network unused, logs no console errors,
 * draws its charts, sorts and filters its table, shows hostile text as text, reads with
 * JavaScript off, and leaves a screenshot in target/screenshots/.
 */
class HtmlReportBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUT = Fixtures.project().resolve("target/screenshots");
  private static Path report;
  private static ChromeDriver browser;

  @BeforeAll
  static void openTheReport() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (System.getenv("CI") == null) {
      assumeTrue(installed, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver; .ci/run does)");
    }
    assertThat(installed).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
    Files.createDirectories(OUT);
    report = OUT.resolve("report.html");
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"classify", "examples", "src/test/resources/hostile-text/hostile.yaml", "--today=2026-11-26",
        "--format", "html", "--output", report.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    browser = open(true);
    browser.get(report.toUri().toString());
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  static ChromeDriver open(boolean javascript) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,2000",
        "--disable-dev-shm-usage");
    if (!javascript) {
      options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // Chromium leaves folders in its temporary directory at every start: keep them in target/, not /tmp
    Path temporary = Fixtures.project().resolve("target/chromium-tmp");
    try {
      Files.createDirectories(temporary);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("TMPDIR", temporary.toString())).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static List<WebElement> visibleRows() {
    return browser.findElements(By.cssSelector("#modes tbody tr")).stream().filter(WebElement::isDisplayed).toList();
  }

  @Test
  void itOpensWithoutConsoleErrorsAndDrawsTheCharts() throws Exception {
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();

    assertThat(errors).as("console messages").isEmpty();
    assertThat(browser.getTitle()).isEqualTo("Failure-mode review");
    assertThat(browser.findElements(By.cssSelector("svg.budget-chart"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(browser.findElements(By.cssSelector("svg.budget-chart .bar rect"))).hasSizeGreaterThan(10);
    assertThat(browser.findElement(By.id("summary")).getText()).contains("21", "failure modes", "NOT OK");
    assertThat(browser.findElements(By.cssSelector("link[href], script[src], img[src], iframe"))).as("nothing fetched").isEmpty();
    Files.write(OUT.resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES));
    Files.copy(report, OUT.resolve("report-copy.html"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void hostileTextIsShownAsTextAndNeverRuns() {
    Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned;");

    assertThat(pwned).as("a script from a failure-mode file ran").isNull();
    assertThat(browser.findElements(By.tagName("script"))).as("only the report's own script").hasSize(1);
    assertThat(browser.findElements(By.tagName("iframe"))).isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("<script>window.__pwned = 'description'; document.title = 'pwned'</script>")
        .contains("<img src=x onerror=");
  }

  @Test
  void theTableSortsByShareAndFilters() {
    WebElement shareHeader = browser.findElement(By.cssSelector("th[data-key=share] button"));
    shareHeader.click();
    List<Double> ascending = visibleRows().stream().map(r -> Double.parseDouble(r.getAttribute("data-share"))).toList();
    shareHeader.click();
    List<Double> descending = visibleRows().stream().map(r -> Double.parseDouble(r.getAttribute("data-share"))).toList();

    assertThat(ascending).isSorted().hasSize(21);
    assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(browser.findElement(By.cssSelector("th[data-key=share]")).getAttribute("aria-sort")).isEqualTo("descending");

    WebElement filter = browser.findElement(By.id("filter"));
    filter.sendKeys("etcd");
    assertThat(visibleRows()).hasSize(2).allSatisfy(r -> assertThat(r.getText()).contains("etcd"));
    filter.clear();
    filter.sendKeys(" ");
    filter.clear();
    new Select(browser.findElement(By.id("verdict"))).selectByValue("NOT OK");
    assertThat(visibleRows()).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("data-verdict")).isEqualTo("NOT OK"));
    assertThat(browser.findElement(By.id("shown")).getText()).endsWith("of 21 shown");
    new Select(browser.findElement(By.id("verdict"))).selectByValue("");
  }

  @Test
  void itReadsWithJavascriptOff() {
    ChromeDriver plain = open(false);
    try {
      plain.get(report.toUri().toString());
      assertThat(plain.findElements(By.cssSelector("#modes tbody tr")).stream().filter(WebElement::isDisplayed)).hasSize(21);
      assertThat(plain.findElements(By.cssSelector("svg.budget-chart"))).isNotEmpty();
      WebElement details = plain.findElements(By.cssSelector("#details details")).get(0);
      details.findElement(By.tagName("summary")).click();
      assertThat(details.getAttribute("open")).isNotNull();
      assertThat(plain.findElement(By.cssSelector(".controls")).isDisplayed()).as("controls need JavaScript").isFalse();
    } finally {
      plain.quit();
    }
  }
}
