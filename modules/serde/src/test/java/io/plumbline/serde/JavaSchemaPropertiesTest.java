package io.plumbline.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.ObservedSystem;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class JavaSchemaPropertiesTest {

  @Test
  void removesJavaStringTypesEverywhereAndKeepsTheRest() {
    Schema generated = ObservedSystem.getClassSchema();
    assertThat(generated.toString()).contains("avro.java.string");

    Schema stripped = JavaSchemaProperties.strip(generated);

    assertThat(stripped.toString()).doesNotContain("avro.java.string");
    assertThat(SchemaNormalization.parsingFingerprint64(stripped))
        .isEqualTo(SchemaNormalization.parsingFingerprint64(generated));
    assertThat(stripped.getDoc()).isEqualTo(generated.getDoc());
    assertThat(stripped.getField("firmware").defaultVal()).isEqualTo(java.util.Map.of());
    assertThat(stripped.getField("observedAt").schema().getLogicalType())
        .isEqualTo(generated.getField("observedAt").schema().getLogicalType());
  }

  @Test
  void leavesDefaultValuesAlone() {
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"m\",\"type\":{\"type\":"
                    + "\"map\",\"values\":\"string\"},\"default\":{\"avro.java.string\":\"x\"},"
                    + "\"java-class\":\"java.util.HashMap\"}]}");

    Schema stripped = JavaSchemaProperties.strip(schema);

    assertThat(stripped.getField("m").getObjectProp("java-class")).isNull();
    assertThat(stripped.getField("m").defaultVal())
        .isEqualTo(java.util.Map.of("avro.java.string", "x"));
  }

  @Test
  void returnsTheSameInstanceWhenThereIsNothingToStrip() {
    Schema plain = JavaSchemaProperties.strip(ObservedSystem.getClassSchema());
    assertThat(JavaSchemaProperties.strip(plain)).isSameAs(plain);
  }
}
