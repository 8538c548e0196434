package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link JsonRecordMapper}: one record at a time, by the streaming reader's rules and errors. */
class JsonRecordMapperTest {

  @Test
  void mapsEveryGeneratedRecordAsTheStreamingReaderDoesInBothScopes() {
    List<GeneratedInteraction> records =
        InteractionGenerator.builder().seed(11).count(400).discrepancyShare(0.2).build().stream().toList();
    String jsonLines = String.join("\n", records.stream().map(GeneratedInteraction::wireJson).toList());
    for (ReadScope scope : ReadScope.values()) {
      JsonRecordMapper mapper = JsonRecordMapper.create(scope);
      List<Interaction> streamed = Io.read("x.jsonl", Io.utf8(jsonLines), ReadOptions.strict().withScope(scope));
      List<Interaction> mapped = records.stream()
          .map(r -> mapper.map("x.jsonl", r.index() + 1, r.wireJson()).orElseThrow())
          .toList();
      assertThat(mapped).isEqualTo(streamed);
    }
  }

  @Test
  void aBlankLineIsNoRecordAndAByteOrderMarkIsIgnored() {
    JsonRecordMapper mapper = JsonRecordMapper.create(ReadScope.EVERYTHING);
    assertThat(mapper.map("x.jsonl", 3, "  \t")).isEmpty();
    assertThat(mapper.map("x.jsonl", 1, "\uFEFF{\"conversationId\":\"c-1\"}").orElseThrow().conversationId().value())
        .isEqualTo("c-1");
  }

  @Test
  void aBadValueNamesTheFileLineColumnAndConversationAndTheMapperGoesOn() {
    JsonRecordMapper mapper = JsonRecordMapper.create(ReadScope.AUDIT);
    String bad = "{\"conversationId\":\"c-77\",\"Metrics\":[{\"Metric Name\":\"Policy\",\"Metric Weight\":\"heavy\"}]}";
    InteractionReadException e =
        catchThrowableOfType(InteractionReadException.class, () -> mapper.map("part-1.jsonl", 42, bad));
    assertThat(e.getMessage()).startsWith("part-1.jsonl:42:").contains("(conversation c-77)").contains("heavy");
    assertThat(e.position().line()).isEqualTo(42);
    assertThat(mapper.map("part-1.jsonl", 43, "{\"conversationId\":\"c-78\"}")).map(x -> x.conversationId().value())
        .hasValue("c-78");
  }

  @Test
  void malformedJsonAnArrayAndTwoValuesOnOneLineAreRefusedInTheReadersWords() {
    JsonRecordMapper mapper = JsonRecordMapper.create(ReadScope.AUDIT);
    assertThat(catchThrowableOfType(InteractionReadException.class,
            () -> mapper.map("f.jsonl", 7, "{\"conversationId\":\"c-9\",\"Kore Evaluation Score\":"))
        .getMessage()).startsWith("f.jsonl:7:").contains("malformed JSON");
    assertThat(catchThrowableOfType(InteractionReadException.class, () -> mapper.map("f.jsonl", 8, "[1,2]"))
        .getMessage()).isEqualTo("f.jsonl:8:1: expected a record (a JSON object), found an array");
    assertThat(catchThrowableOfType(InteractionReadException.class,
            () -> mapper.map("f.jsonl", 9, "{\"conversationId\":\"a\"} {\"conversationId\":\"b\"}"))
        .getMessage()).isEqualTo("f.jsonl:9:24 (conversation a): more than one JSON value in one record");
    assertThat(catchThrowableOfType(InteractionReadException.class, () -> mapper.map("table", 0, "{\"x\":1}"))
        .getMessage()).startsWith("table: record has no conversation id");
    assertThat(mapper.map("f.jsonl", 10, "{\"conversationId\":\"c-10\"}")).map(Interaction::conversationId)
        .map(Object::toString).isEqualTo(Optional.of("c-10"));
  }
}
