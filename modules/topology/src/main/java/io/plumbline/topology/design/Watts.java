package io.plumbline.topology.design;

/** Numbers as people write them in discrepancy texts: {@code 34503 W}, {@code 104 %}. */
final class Watts {

  private Watts() {}

  /** Whole watts, e.g. {@code 57200 W}. */
  static String of(double watts) {
    return Math.round(watts) + " W";
  }

  /**
   * {@code part} as a whole percentage of {@code whole}, e.g. {@code 104 %}. An overrun too small
   * to show in whole percent reads {@code > 100 %}, never a misleading {@code 100 %}.
   */
  static String percent(double part, double whole) {
    double ratio = part * 100.0 / whole;
    long rounded = Math.round(ratio);
    if (rounded == 100 && ratio > 100) {
      return "> 100 %";
    }
    return rounded + " %";
  }
}
