package io.plumbline.it.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.ReconcilerService;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.it.support.SharedComponents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops dashboard in Debian's headless Chromium, served by a running reconciler on the real
 * broker and registry: the page loads without console errors; a discrepancy produced during the
 * test appears without a reload and leaves when it resolves; the filters narrow the list; an
 * acknowledgement made from the page shows; rack R14's elevation draws the wrong-SKU node in its U
 * positions and its warm inlet; the feed bars show the measured load with the server's window
 * history, the cooling list the rack's inlet and heat headroom; node 1's cables show their states;
 * the summary charts open discrepancies by domain; the layout fits a tablet. Reads need the token,
 * so the page signs in first (session cookie). With {@code -Dplumbline.screenshots.update=true} it
 * also writes the screenshots in docs/screenshots/.
 */
class DashboardBrowserIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String NODE2 = SampleSite.deviceId(2);
  private static final String NODE4 = SampleSite.deviceId(4);
  private static final String NODE2_SKU = ServiceSetup.wrongSkuId(NODE2);
  private static final String NODE4_SKU = ServiceSetup.wrongSkuId(NODE4);
  private static final boolean UPDATE_SCREENSHOTS =
      Boolean.getBoolean("plumbline.screenshots.update");

  @Test
  void showsLiveDiscrepanciesRackElevationsAndFeeds() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    ServiceSetup setup = new ServiceSetup("dashboard", 1);
    // Reads need the token too: the page must sign in (EventSource cannot send the header).
    PlumblineConfig config = setup.instance(Map.of(PlumblineConfig.HTTP_AUTH_READS, "true"));
    try (TransitionWatch watch =
            new TransitionWatch(
                SharedComponents.kafka().bootstrapServers(), setup.topics.discrepancies());
        KafkaProducer<String, SpecificRecord> producer = setup.producer(config);
        ReconcilerService service = ReconcilerService.start(config);
        HeadlessChromium chromium = new HeadlessChromium(1366, 900)) {
      // The page is opened on a running instance (while it starts, reads are 503s, which the
      // browser would log as failed loads).
      new ApiClient(service.uri(), setup.token, watch::pace)
          .await("/ready", a -> a.status() == 200, TIMEOUT, "readiness");
      ChromeDriver browser = chromium.driver();
      WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
      wait.ignoring(StaleElementReferenceException.class);
      browser.get(service.uri().resolve("/").toString());
      WebElement signIn = wait.until(presenceOf(By.id("sign-in")));
      signIn.findElement(By.name("token")).sendKeys(setup.token);
      signIn.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
      // Survives only as long as the page is not reloaded.
      js(browser).executeScript("window.plumblineNoReload = 'still here';");

      SampleSite site = new SampleSite(setup.topics, producer);
      producer.send(
          new ProducerRecord<>(
              setup.topics.intentRacks(),
              SampleSite.RACK,
              IntentRack.newBuilder()
                  .setId(SampleSite.RACK)
                  .setName("R14")
                  .setSiteId(SampleSite.SITE)
                  .setUHeight(42)
                  .setPowerBudgetWatts(80_000.0)
                  .setCoolingCapacityWatts(80_000.0)
                  .setUrl("https://netbox.example.com/dcim/racks/14/")
                  .build()));
      site.publishDesign();
      site.publishFeeds();
      site.publishPurchaseOrder();
      site.publishFirstObservations();
      site.publishFeedOverload();
      site.publishWarmInlet();
      site.publishNode1Cabling();

      // Rows are redrawn as transitions stream in: every check reads the page afresh.
      wait.until(d -> String.valueOf(cell(d, NODE2_SKU, ".expected")).contains("DGX B200"));
      assertThat(cell(browser, NODE2_SKU, ".observed")).contains("DGX H100");
      assertThat(read(browser, "tr[data-discrepancy-id='" + NODE2_SKU + "'] a.netbox", "href"))
          .isEqualTo("https://netbox.example.com/dcim/devices/" + NODE2 + "/");
      wait.until(presenceOf(row(NODE4_SKU)));

      // Filters: the critical wrong SKUs are not INFO; by type only wrong SKUs remain.
      Select severity = new Select(browser.findElement(By.name("severity")));
      severity.selectByValue("INFO");
      wait.until(d -> !shownIds(d).contains(NODE2_SKU));
      severity.selectByValue("");
      wait.until(d -> shownIds(d).contains(NODE2_SKU));
      wait.until(d -> shownIds(d).size() > 2);
      selectType(wait, "WRONG_SKU");
      wait.until(d -> shownIds(d).size() == 2);
      assertThat(shownIds(browser)).containsExactlyInAnyOrder(NODE2_SKU, NODE4_SKU);
      selectType(wait, "");
      wait.until(d -> shownIds(d).size() > 2);
      // The summary's chart: open discrepancies by domain over time, from the server.
      wait.until(
          d ->
              attribute(d, "#history-chart polyline[data-domain='INSTALLATION']", "points")
                  != null);
      wait.until(d -> Integer.parseInt(lastTotal(d)) > 0);
      screenshot(browser, "discrepancies");

      // Acknowledge node 4's (the design will be corrected) from the page, with the API token.
      wait.until(
          d -> {
            d.findElement(row(NODE4_SKU)).findElement(By.cssSelector("button.ack")).click();
            return true;
          });
      WebElement form =
          wait.until(presenceOf(By.cssSelector("form[data-ack-for='" + NODE4_SKU + "']")));
      form.findElement(By.name("by")).sendKeys("dc2-buildout");
      form.findElement(By.name("reason")).sendKeys("CHG-2 design correction booked");
      // The token given at sign-in is reused for writes.
      assertThat(form.findElement(By.name("token")).getAttribute("value")).isEqualTo(setup.token);
      form.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(
          d ->
              d.findElement(row(NODE4_SKU)).getAttribute("class").contains("acknowledged")
                  && d.findElement(row(NODE4_SKU)).getText().contains("dc2-buildout"));

      // Rack elevation: node 2 (U12-U21) is drawn as the faulty slot, over its U rows.
      js(browser).executeScript("location.hash = arguments[0];", "#/racks/" + SampleSite.RACK);
      String node2Css = ".elevation [data-device-id='" + NODE2 + "']";
      wait.until(d -> "fault".equals(attribute(d, node2Css, "data-state")));
      wait.until(
          d ->
              "12".equals(attribute(d, node2Css, "data-u-bottom"))
                  && "21".equals(attribute(d, node2Css, "data-u-top")));
      @SuppressWarnings("unchecked")
      Map<String, Number> geometry =
          (Map<String, Number>)
              js(browser)
                  .executeScript(
                      "const box = (s) => document.querySelector(s).getBoundingClientRect();"
                          + "const slot = box(\".elevation [data-device-id='"
                          + NODE2
                          + "']\");"
                          + "const node1 = box(\".elevation [data-device-id='"
                          + SampleSite.deviceId(1)
                          + "']\");"
                          + "return {top: slot.top, bottom: slot.bottom,"
                          + " u21Top: box(\".elevation .u[data-u='21']\").top,"
                          + " u12Bottom: box(\".elevation .u[data-u='12']\").bottom,"
                          + " node1Top: node1.top};");
      assertThat(geometry.get("top").doubleValue())
          .isCloseTo(geometry.get("u21Top").doubleValue(), within(3.0));
      assertThat(geometry.get("bottom").doubleValue())
          .isCloseTo(geometry.get("u12Bottom").doubleValue(), within(3.0));
      // Node 1 (U2-U11) sits below node 2.
      assertThat(geometry.get("node1Top").doubleValue())
          .isGreaterThanOrEqualTo(geometry.get("bottom").doubleValue() - 3);
      assertThat(
              attribute(
                  browser,
                  ".elevation [data-device-id='" + SampleSite.deviceId(1) + "']",
                  "data-state"))
          .isNotEqualTo("fault");
      // Its cooling: the top inlet's 29 °C is over the 27 °C mark, with its one-minute windows.
      String inletCss =
          ".cooling-detail .inlet-sensor[data-sensor-id='" + SampleSite.INLET_SENSOR + "']";
      wait.until(d -> "WARNING".equals(attribute(d, inletCss, "data-level")));
      assertThat(read(browser, inletCss + " .inlet", "textContent")).isEqualTo("29.0 °C");
      assertThat(Integer.parseInt(attribute(browser, inletCss + " svg", "data-points")))
          .isGreaterThanOrEqualTo(1);
      // Tall enough for the whole 42 U rack in the picture.
      browser.manage().window().setSize(new Dimension(1366, 1250));
      screenshot(browser, "rack-elevation");
      browser.manage().window().setSize(new Dimension(1366, 900));

      // Feeds: feed A's bar shows 31 kW of its 43.1 kW breaker (415 V x 60 A x sqrt(3)).
      browser.findElement(By.cssSelector("nav a[data-view='power']")).click();
      By feedA = By.cssSelector(".feed[data-feed-id='" + SampleSite.FEED_A + "']");
      wait.until(d -> d.findElement(feedA).getText().contains("31.0 kW now"));
      Number fill =
          (Number)
              js(browser)
                  .executeScript(
                      "const feed = document.querySelector(\".feed[data-feed-id='"
                          + SampleSite.FEED_A
                          + "']\");"
                          + "return feed.querySelector('.fill').getBoundingClientRect().width"
                          + " / feed.querySelector('.bar').getBoundingClientRect().width;");
      assertThat(fill.doubleValue()).isBetween(0.70, 0.74);
      // Its history comes from the server's kept windows: both minutes of readings.
      wait.until(
          d ->
              Integer.parseInt(
                      String.valueOf(
                          attribute(
                              d,
                              ".feed[data-feed-id='" + SampleSite.FEED_A + "'] svg.sparkline",
                              "data-points")))
                  >= 2);
      // Cooling: R14's inlet over 27 °C, and 31 kW of heat against 80 kW of cooling.
      By r14Cooling = By.cssSelector(".cooling[data-rack-id='" + SampleSite.RACK + "']");
      wait.until(d -> "WARNING".equals(d.findElement(r14Cooling).getAttribute("data-inlet-level")));
      wait.until(d -> d.findElement(r14Cooling).getText().contains("headroom 49.0 kW"));
      assertThat(browser.findElement(r14Cooling).getText()).contains("29.0 °C inlet");
      screenshot(browser, "power");

      // Device page: node 2's way so far, and what its BMC reports.
      js(browser).executeScript("location.hash = arguments[0];", "#/devices/" + NODE2);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device"), "DGX H100"));
      assertThat(browser.findElements(By.cssSelector(".timeline li"))).hasSize(5);
      assertThat(
              browser
                  .findElement(By.cssSelector(".timeline li[data-stage=PLANNED]"))
                  .getAttribute("class"))
          .contains("reached");

      // Node 1's cables: eth0 reaches leaf-01 as planned, eth1 landed on leaf-02.
      js(browser)
          .executeScript("location.hash = arguments[0];", "#/devices/" + SampleSite.deviceId(1));
      wait.until(
          d -> "MISCABLED".equals(attribute(d, "table.cables tr[data-port='eth1']", "data-state")));
      assertThat(attribute(browser, "table.cables tr[data-port='eth0']", "data-state"))
          .isEqualTo("OK");
      assertThat(read(browser, "table.cables tr[data-port='eth1'] .seen", "textContent"))
          .isEqualTo("leaf-02.dc2.example.com Ethernet1/2");
      // Firmware facts are drawn as name/value pairs.
      assertThat(read(browser, "#device", "textContent")).doesNotContain("[object");
      browser.manage().window().setSize(new Dimension(1366, 1100));
      screenshot(browser, "device");
      browser.manage().window().setSize(new Dimension(1366, 900));

      // The swap resolves node 2's wrong SKU: its row leaves the list without a reload.
      browser.findElement(By.cssSelector("nav a[data-view='discrepancies']")).click();
      wait.until(d -> shownIds(d).contains(NODE2_SKU));
      site.publishHardwareSwap();
      wait.until(d -> !shownIds(d).contains(NODE2_SKU) && shownIds(d).contains(NODE4_SKU));
      assertThat(js(browser).executeScript("return window.plumblineNoReload;"))
          .isEqualTo("still here");

      // A tablet in portrait: everything fits the width, in the dark theme.
      browser.manage().window().setSize(new Dimension(820, 1180));
      wait.until(
          d ->
              (Boolean)
                  js(d)
                      .executeScript(
                          "return document.documentElement.scrollWidth"
                              + " <= document.documentElement.clientWidth;"));
      assertThat(js(browser).executeScript("return document.documentElement.dataset.theme;"))
          .isEqualTo("dark");
      screenshot(browser, "tablet");

      List<String> errors = chromium.consoleErrors();
      assertThat(errors).as("browser console errors").isEmpty();
    }
  }

  /** The summary chart's latest total of open discrepancies, as its legend shows it. */
  private static String lastTotal(WebDriver driver) {
    Object text =
        js(driver)
            .executeScript(
                "const keys = [...document.querySelectorAll('.card.history .legend-line .key')];"
                    + " const total = keys.find(k => k.textContent.startsWith('total '));"
                    + " return total ? total.textContent.slice(6) : '0';");
    return String.valueOf(text);
  }

  /** The discrepancy ids of the rows shown, read in one go (rows are redrawn live). */
  @SuppressWarnings("unchecked")
  private static List<String> shownIds(WebDriver driver) {
    return (List<String>)
        js(driver)
            .executeScript(
                "return [...document.querySelectorAll('#discrepancy-rows tr')]"
                    + ".map(r => r.dataset.discrepancyId);");
  }

  /** A cell's text, read in one go: the row may be redrawn between two WebDriver calls. */
  private static String cell(WebDriver driver, String discrepancyId, String css) {
    return read(driver, "tr[data-discrepancy-id='" + discrepancyId + "'] " + css, "textContent");
  }

  private static String attribute(WebDriver driver, String css, String attribute) {
    return (String)
        js(driver)
            .executeScript(
                "const node = document.querySelector(arguments[0]);"
                    + " return node === null ? null : node.getAttribute(arguments[1]);",
                css,
                attribute);
  }

  /** A property of the first element matching the selector, or null without one. */
  private static String read(WebDriver driver, String css, String property) {
    Object value =
        js(driver)
            .executeScript(
                "const node = document.querySelector(arguments[0]);"
                    + " return node === null ? null : String(node[arguments[1]]);",
                css,
                property);
    return (String) value;
  }

  /** The type filter's options follow the types present, so they may be redrawn meanwhile. */
  private static void selectType(WebDriverWait wait, String value) {
    wait.until(
        d -> {
          new Select(d.findElement(By.name("type"))).selectByValue(value);
          return true;
        });
  }

  private static By row(String discrepancyId) {
    return By.cssSelector("#discrepancy-rows tr[data-discrepancy-id='" + discrepancyId + "']");
  }

  private static org.openqa.selenium.support.ui.ExpectedCondition<WebElement> presenceOf(By by) {
    return ExpectedConditions.presenceOfElementLocated(by);
  }

  private static JavascriptExecutor js(WebDriver driver) {
    return (JavascriptExecutor) driver;
  }

  /** Writes docs/screenshots/NAME.png when asked to (-Dplumbline.screenshots.update=true). */
  private static void screenshot(ChromeDriver browser, String name) throws Exception {
    if (!UPDATE_SCREENSHOTS) {
      return;
    }
    Path dir = repositoryRoot().resolve("docs/screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
  }
}
