package io.plumbline.topology.lifecycle;

import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import java.util.Objects;

/**
 * One discrepancy that a check found true right now. Its id is stable for a given type and subject,
 * so the same cause found again is the same discrepancy.
 */
public record Finding(
    DiscrepancyType type,
    DiscrepancyDomain domain,
    Severity severity,
    Subject subject,
    String expected,
    String observed,
    String detail) {

  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
  }

  /** The stable discrepancy id: type, subject kind and subject id. */
  public String id() {
    return id(type, subject);
  }

  /** The stable id of the discrepancy of this type about this subject. */
  public static String id(DiscrepancyType type, Subject subject) {
    return type.name() + ":" + subject.getKind().name() + ":" + subject.getId();
  }
}
