package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.korescore.core.fetch.PageDecodeException;
import dev.korescore.core.fetch.RawDataPage;
import dev.korescore.core.fetch.RawDataQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class JacksonRawDataWireAdapterTest {
  private final JacksonRawDataWireAdapter wire = JacksonRawDataWireAdapter.create();

  @Test
  void theRequestBodyHasTheDocumentedFieldsAndOnlyTheFiltersGiven() throws Exception {
    String body = wire.requestBody(new RawDataQuery("2024-07-18 00:00:00", "2024-07-19 00:00:00", 100, 2,
        List.of("korevg"), List.of()));
    JsonNode node = KoreJson.mapper().readTree(body);
    assertThat(node.fieldNames()).toIterable().containsExactly("startDate", "endDate", "limit", "page", "channel");
    assertThat(node.get("startDate").asText()).isEqualTo("2024-07-18 00:00:00");
    assertThat(node.get("limit").asInt()).isEqualTo(100);
    assertThat(node.get("page").asInt()).isEqualTo(2);
    assertThat(node.get("channel").get(0).asText()).isEqualTo("korevg");
  }

  @Test
  void aPageKeepsEachRecordAsReceivedUnderEveryIdSpellingTheReaderAccepts() throws Exception {
    String body = "{\"results\":[{\"Conversation ID\":\"c-1\", \"x\" : 1.50},"
        + "{\"conversation-id\":\"c-2\"},{\"conversation_id\":3}],\"totalResults\":3,\"hasMore\":false}";
    RawDataPage page = wire.decodePage(body, 1);
    assertThat(page.records()).extracting(r -> r.conversationId().value()).containsExactly("c-1", "c-2", "3");
    assertThat(page.records().get(0).json()).isEqualTo("{\"Conversation ID\":\"c-1\", \"x\" : 1.50}");
    assertThat(page.totalResults()).hasValue(3);
    assertThat(page.hasMore()).contains(false);
  }

  @Test
  void aShortBodyIsTruncatedAndARecordWithoutIdIsMalformed() {
    assertThatThrownBy(() -> wire.decodePage("{\"results\":[{\"conversationId\":\"c-1\"", 3))
        .isInstanceOf(PageDecodeException.Truncated.class).hasMessageContaining("page 3");
    assertThatThrownBy(() -> wire.decodePage("{\"results\":[{\"name\":\"x\"}]}", 4))
        .isInstanceOf(PageDecodeException.Malformed.class).hasMessageContaining("page 4 record 0");
  }

  @Test
  void theDownloadFindsIdsWithTheSameRuleAsTheReaderAndThePage() {
    for (String key : List.of("Conversation ID", "conversationId", "conversation-id", "CONVERSATION_ID")) {
      assertThat(wire.conversationId("{\"a\":{\"conversationId\":\"nested\"},\"" + key + "\":\"c-9\"}"))
          .as(key).contains("c-9");
      assertThat(PageDecoder.isConversationIdKey(key)).isTrue();
    }
    assertThat(wire.conversationId("{\"id\":\"c-9\"}")).isEmpty();
    assertThat(wire.conversationId("not json")).isEmpty();
  }

  @Test
  void errorMessagesAreKoresOwnWords() {
    assertThat(wire.errorMessages("{\"errors\":[{\"msg\":\"Invalid token\",\"code\":401},{\"msg\":\"again\"}]}"))
        .containsExactly("Invalid token", "again");
    assertThat(wire.errorMessages("{\"message\":\"Too many requests\"}")).containsExactly("Too many requests");
    assertThat(wire.errorMessages("<html>bad gateway</html>")).isEmpty();
  }
}
