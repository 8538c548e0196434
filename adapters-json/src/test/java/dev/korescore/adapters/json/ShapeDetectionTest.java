package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.testkit.fixtures.Interactions;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeDetectionTest {
  private static final String A = "{\"Conversation ID\":\"c-1\",\"Kore Evaluation Score\":40}";
  private static final String B = "{\"conversationId\":\"c-2\",\"koreEvaluationScore\":50}";

  private static List<String> ids(List<Interaction> interactions) {
    List<String> ids = new ArrayList<>();
    interactions.forEach(x -> ids.add(x.conversationId().value()));
    return ids;
  }

  @Test
  void apiEnvelope() {
    assertThat(ids(Io.read("{\"results\":[" + A + "," + B + "],\"totalResults\":2,\"totalPages\":1,\"hasMore\":false}")))
        .containsExactly("c-1", "c-2");
  }

  @Test
  void apiEnvelopeWithTheTotalsBeforeTheResults() {
    assertThat(ids(Io.read("{\"totalResults\":2,\"hasMore\":false,\"totalPages\":{\"x\":[1]},\"results\":[" + A + "," + B + "]}")))
        .containsExactly("c-1", "c-2");
  }

  @Test
  void apiEnvelopeWithAnEmptyResultsArray() {
    assertThat(Io.read("{\"results\":[],\"totalResults\":0}")).isEmpty();
  }

  @Test
  void severalEnvelopesOneAfterAnotherAsSavedPages() {
    String page1 = "{\"results\":[" + A + "],\"hasMore\":true}";
    String page2 = "{\"hasMore\":false,\"results\":[" + B + "]}";

    assertThat(ids(Io.read(page1 + "\n" + page2 + "\n"))).containsExactly("c-1", "c-2");
    assertThat(ids(Io.read("[" + page1 + "," + page2 + "]"))).containsExactly("c-1", "c-2");
  }

  @Test
  void jsonArrayOfRecords() {
    assertThat(ids(Io.read("[\n  " + A + ",\n  " + B + "\n]\n"))).containsExactly("c-1", "c-2");
    assertThat(Io.read("[]")).isEmpty();
  }

  @Test
  void jsonLines() {
    assertThat(ids(Io.read(A + "\n" + B + "\n"))).containsExactly("c-1", "c-2");
  }

  @Test
  void jsonLinesWithBlankLinesAndNoFinalNewline() {
    assertThat(ids(Io.read("\n" + A + "\n\n   \n" + B))).containsExactly("c-1", "c-2");
  }

  @Test
  void aSingleRecordObject() {
    assertThat(ids(Io.read(A))).containsExactly("c-1");
  }

  @Test
  void aRecordWithAnUnknownResultsFieldAfterRecordFieldsIsARecord() {
    List<Interaction> read = Io.read("{\"conversationId\":\"c-9\",\"results\":[1,2]}");

    assertThat(ids(read)).containsExactly("c-9");
    assertThat(read.get(0).extras().get("results")).hasValueSatisfying(raw -> assertThat(raw.json()).isEqualTo("[1,2]"));
  }

  @Test
  void utf8WithByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = Io.resource("seed-sample-response.json");
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);

    assertThat(Io.read("bom.json", bytes)).containsExactlyElementsOf(Interactions.seedSample());
  }

  @Test
  void crlfLineEndings() {
    String seed = new String(Io.resource("seed-sample-response.json"), StandardCharsets.UTF_8);

    assertThat(Io.read(seed.replace("\n", "\r\n"))).containsExactlyElementsOf(Interactions.seedSample());
    assertThat(ids(Io.read(A + "\r\n" + B + "\r\n"))).containsExactly("c-1", "c-2");
  }

  @Test
  void gzipDetectedByMagicBytes() {
    byte[] gz = Io.gzip(Io.resource("seed-sample-response.json"));

    assertThat(Io.read("no-extension", gz)).containsExactlyElementsOf(Interactions.seedSample());
  }

  @Test
  void gzipJsonLinesFromAStreamThatCannotMarkLikeStdin() {
    byte[] gz = Io.gzip(Io.utf8(A + "\n" + B + "\n"));
    InputStream stdin = new FilterInputStream(new ByteArrayInputStream(gz)) {
      @Override
      public boolean markSupported() {
        return false;
      }
    };

    try (InteractionStream stream = Io.READER.open("<stdin>", stdin, ReadOptions.strict())) {
      List<Interaction> out = new ArrayList<>();
      stream.forEachRemaining(out::add);
      assertThat(ids(out)).containsExactly("c-1", "c-2");
    }
  }

  @Test
  void emptyAndBlankInputsHaveNoInteractions() {
    assertThat(Io.read("empty", new byte[0])).isEmpty();
    assertThat(Io.read("  \n\r\n\t ")).isEmpty();
    assertThat(Io.read("empty.gz", Io.gzip(new byte[0]))).isEmpty();
  }

  @Test
  void utf16IsDetectedToo() {
    byte[] bytes = (A + "\n").getBytes(StandardCharsets.UTF_16BE);

    assertThat(ids(Io.read("utf16.json", bytes))).containsExactly("c-1");
  }

  @Test
  void streamViewReadsLazilyAndClosesTheInput() {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(Io.utf8(A + "\n" + B)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    try (var stream = Io.READER.open("lazy", in, ReadOptions.strict()).stream()) {
      assertThat(stream.map(x -> x.conversationId().value()).findFirst()).contains("c-1");
    }
    assertThat(closed[0]).isTrue();
  }
}
