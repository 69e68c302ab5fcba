package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's files are served by flat name with their type, and nothing else is. */
class DashboardAssetsTest {

  @Test
  void servesThePageAndEveryFileItReferences() throws Exception {
    ApiResponse page = DashboardAssets.index();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertReferencedFilesExist(html, Pattern.compile("\"/ui/([^\"]+)\""));

    ApiResponse app = DashboardAssets.file("app.js");
    assertThat(app.contentType()).startsWith("text/javascript");
    // Every module the scripts import is served too.
    for (String script : new String[] {"app.js", "live.js", "discrepancies.js", "racks.js"}) {
      String text = new String(DashboardAssets.file(script).body(), StandardCharsets.UTF_8);
      assertReferencedFilesExist(text, Pattern.compile("from '\\./([^']+)'"));
    }
    assertThat(DashboardAssets.file("dashboard.css").contentType()).startsWith("text/css");
  }

  @Test
  void refusesAnythingButAFlatKnownFile() {
    for (String name : new String[] {"../openapi.json", "openapi.json", "nope.js", ".js", "A.JS"}) {
      assertThatThrownBy(() -> DashboardAssets.file(name))
          .as(name)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  private static void assertReferencedFilesExist(String text, Pattern reference) throws Exception {
    Matcher matcher = reference.matcher(text);
    int found = 0;
    while (matcher.find()) {
      assertThat(DashboardAssets.file(matcher.group(1)).status()).isEqualTo(200);
      found++;
    }
    assertThat(found).isPositive();
  }
}
