package io.plumbline.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules, their unit tests, the Grafana dashboards and the documentation agree: every PromQL
 * expression reads only metrics the app exports ({@code ops/prometheus/plumbline-metrics.txt}),
 * recording rules, or Prometheus' own series; every exported metric is used; every alert is
 * labelled, documented, and unit-tested.
 */
class OpsMetricNamesTest {

  /** Series Prometheus makes itself. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpsFiles OPS = OpsFiles.ofThisCheckout();

  @Test
  void ruleExpressionsReadOnlyDefinedMetrics() throws IOException {
    Set<String> defined = definedNames();
    rules()
        .forEach(
            rule ->
                assertThat(PromqlMetricNames.of(rule.path("expr").asText()))
                    .as("metrics read by rule %s", ruleName(rule))
                    .isSubsetOf(defined));
  }

  @Test
  void dashboardExpressionsReadOnlyDefinedMetrics() throws IOException {
    Set<String> defined = definedNames();
    Map<String, String> expressions = dashboardExpressions();
    assertThat(expressions).isNotEmpty();
    expressions.forEach(
        (where, expr) ->
            assertThat(PromqlMetricNames.of(expr))
                .as("metrics read by %s: %s", where, expr)
                .isNotEmpty()
                .isSubsetOf(defined));
  }

  @Test
  void everyExportedMetricIsReadByARuleOrThePanels() throws IOException {
    Set<String> read = new TreeSet<>();
    for (JsonNode rule : rules()) {
      read.addAll(PromqlMetricNames.of(rule.path("expr").asText()));
    }
    dashboardExpressions().values().forEach(expr -> read.addAll(PromqlMetricNames.of(expr)));
    assertThat(read).containsAll(contractNames());
  }

  @Test
  void dashboardPanelsUseTheProvisionedDatasource() throws IOException {
    JsonNode provisioning =
        YAML.readTree(OPS.grafana().resolve("provisioning/datasources/prometheus.yml").toFile());
    String uid = provisioning.path("datasources").path(0).path("uid").asText();
    assertThat(uid).isNotBlank();
    for (Path dashboard : OPS.dashboards()) {
      for (JsonNode panel : panels(JSON.readTree(dashboard.toFile()))) {
        if (!panel.path("type").asText().equals("row")) {
          assertThat(panel.path("datasource").path("uid").asText())
              .as("datasource of panel %s", panel.path("title").asText())
              .isEqualTo(uid);
        }
      }
    }
  }

  @Test
  void everyAlertIsLabelledAndAnnotated() throws IOException {
    List<JsonNode> alerts = alerts();
    assertThat(alerts).isNotEmpty();
    for (JsonNode alert : alerts) {
      String name = ruleName(alert);
      assertThat(alert.path("labels").path("severity").asText())
          .as("severity of %s", name)
          .matches("critical|warning|\\{\\{ \\$labels\\.severity \\| toLower }}");
      assertThat(alert.path("labels").path("subject").asText())
          .as("subject of %s", name)
          .isNotBlank();
      for (String annotation : List.of("summary", "description", "runbook_url")) {
        assertThat(alert.path("annotations").path(annotation).asText())
            .as("%s of %s", annotation, name)
            .isNotBlank();
      }
    }
  }

  @Test
  void everyAlertHasAUnitTestAndADocumentedSection() throws IOException {
    Set<String> tested = new TreeSet<>();
    for (Path testFile : OPS.ruleTestFiles()) {
      for (JsonNode test : YAML.readTree(testFile.toFile()).path("tests")) {
        test.path("alert_rule_test").forEach(t -> tested.add(t.path("alertname").asText()));
      }
    }
    String monitoringDoc = Files.readString(OPS.root().resolve("docs/monitoring.md"));
    Set<String> anchors = headingAnchors(monitoringDoc);
    for (JsonNode alert : alerts()) {
      String name = ruleName(alert);
      assertThat(tested).as("alerts with a promtool unit test").contains(name);
      assertThat(anchors).as("sections of docs/monitoring.md").contains(anchor(name));
      String runbook = alert.path("annotations").path("runbook_url").asText();
      if (runbook.startsWith("docs/monitoring.md#")) {
        assertThat(anchors).contains(runbook.substring("docs/monitoring.md#".length()));
      }
    }
  }

  @Test
  void fixedRunbookPagesExist() throws IOException {
    Path runbooks = OPS.root().resolve("ops/runbooks");
    assumeTrue(Files.isDirectory(runbooks), "ops/runbooks is not in this checkout yet");
    for (JsonNode alert : alerts()) {
      String runbook = alert.path("annotations").path("runbook_url").asText();
      if (runbook.startsWith("ops/runbooks/") && !runbook.contains("{{")) {
        assertThat(OPS.root().resolve(runbook)).as("runbook of %s", ruleName(alert)).exists();
      }
    }
  }

  private static Set<String> definedNames() throws IOException {
    Set<String> defined = new TreeSet<>(contractNames());
    defined.addAll(PROMETHEUS_OWN);
    for (JsonNode rule : rules()) {
      if (rule.has("record")) {
        defined.add(rule.path("record").asText());
      }
    }
    return defined;
  }

  /** The first word of every line of the metric contract that is not blank or a comment. */
  static Set<String> contractNames() throws IOException {
    return Files.readAllLines(OPS.metricContract()).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s+", 2)[0])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<JsonNode> rules() throws IOException {
    List<JsonNode> rules = new ArrayList<>();
    for (Path file : OPS.ruleFiles()) {
      for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
        group.path("rules").forEach(rules::add);
      }
    }
    return rules;
  }

  private static List<JsonNode> alerts() throws IOException {
    return rules().stream().filter(r -> r.has("alert")).toList();
  }

  private static String ruleName(JsonNode rule) {
    return rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
  }

  /** Every target expression of every dashboard, keyed by dashboard, panel title and refId. */
  private static Map<String, String> dashboardExpressions() throws IOException {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (Path dashboard : OPS.dashboards()) {
      for (JsonNode panel : panels(JSON.readTree(dashboard.toFile()))) {
        for (JsonNode target : panel.path("targets")) {
          expressions.put(
              dashboard.getFileName()
                  + " / "
                  + panel.path("title").asText()
                  + " / "
                  + target.path("refId").asText(),
              target.path("expr").asText());
        }
      }
    }
    return expressions;
  }

  /** Top-level panels and those inside collapsed rows. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The anchors GitHub gives Markdown headings: lower case, spaces to hyphens. */
  private static Set<String> headingAnchors(String markdown) {
    return markdown
        .lines()
        .filter(line -> line.startsWith("#"))
        .map(line -> anchor(line.replaceFirst("^#+\\s*", "")))
        .collect(Collectors.toSet());
  }

  private static String anchor(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9 _-]", "")
        .replace(' ', '-');
  }
}
