package io.plumbline.bench.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's figures as one line of JSON, in the order they were added, so that runs can be
 * compared over time. Numbers are rounded to three decimals; a figure that could not be measured
 * (NaN) is written as null.
 */
public final class BenchSummary {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> figures = new LinkedHashMap<>();

  public BenchSummary put(String key, String value) {
    figures.put(key, value);
    return this;
  }

  public BenchSummary put(String key, long value) {
    figures.put(key, value);
    return this;
  }

  public BenchSummary put(String key, boolean value) {
    figures.put(key, value);
    return this;
  }

  public BenchSummary put(String key, double value) {
    figures.put(key, Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null);
    return this;
  }

  public Map<String, Object> figures() {
    return Collections.unmodifiableMap(figures);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the summary", e);
    }
  }
}
