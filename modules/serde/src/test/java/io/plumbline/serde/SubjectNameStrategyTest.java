package io.plumbline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.ObservedSystem;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategyTest {

  private static final Schema OBSERVED = ObservedSystem.getClassSchema();

  @Test
  void topicNameStrategyAppendsKeyOrValue() {
    assertThat(SubjectNameStrategy.TOPIC_NAME.subjectName("redfish.systems", false, OBSERVED))
        .isEqualTo("redfish.systems-value");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subjectName("redfish.systems", true, OBSERVED))
        .isEqualTo("redfish.systems-key");
  }

  @Test
  void recordNameStrategyUsesTheFullNameWhateverTheTopic() {
    assertThat(SubjectNameStrategy.RECORD_NAME.subjectName("a", false, OBSERVED))
        .isEqualTo("io.plumbline.avro.v1.ObservedSystem");
    assertThat(SubjectNameStrategy.RECORD_NAME.subjectName("b", true, OBSERVED))
        .isEqualTo("io.plumbline.avro.v1.ObservedSystem");
  }

  @Test
  void topicRecordNameStrategyJoinsTopicAndFullName() {
    assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subjectName("redfish.systems", true, OBSERVED))
        .isEqualTo("redfish.systems-io.plumbline.avro.v1.ObservedSystem");
  }

  @Test
  void recordNameStrategiesNeedANamedSchema() {
    assertThatThrownBy(
            () ->
                SubjectNameStrategy.RECORD_NAME.subjectName(
                    "t", false, Schema.create(Schema.Type.STRING)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("RecordNameStrategy needs a named schema")
        .hasMessageContaining("string");
  }

  @ParameterizedTest
  @CsvSource({
    "TopicNameStrategy, TOPIC_NAME",
    "io.confluent.kafka.serializers.subject.TopicNameStrategy, TOPIC_NAME",
    "RecordNameStrategy, RECORD_NAME",
    "io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD_NAME",
    "TopicRecordNameStrategy, TOPIC_RECORD_NAME",
    "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, TOPIC_RECORD_NAME",
    "topic_record_name, TOPIC_RECORD_NAME"
  })
  void parsesConfluentNamesAndClassNames(String configured, SubjectNameStrategy expected) {
    assertThat(SubjectNameStrategy.fromConfigValue(configured)).isEqualTo(expected);
  }

  @Test
  void unknownStrategyListsTheAcceptedNames() {
    assertThatThrownBy(() -> SubjectNameStrategy.fromConfigValue("com.example.MyStrategy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
  }
}
