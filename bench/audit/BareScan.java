import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The physical reference of the audit benchmark: the least a JVM program can do to check Kore's scores.
 * One streaming Jackson pass over JSON Lines with the 2024 spaced keys, reading only Kore's score, the
 * pass score, the pass flag and each metric's weight and answer (every other value skipped unread);
 * recomputes the score (YES weight over YES and NO weight, NA excluded) and the pass flag, and prints
 * only how many records it read and how many disagree. No key normalisation, no model, no output rows.
 *
 * <p>Usage: java -cp jackson-core.jar BareScan.java IN.jsonl
 */
public final class BareScan {
  public static void main(String[] args) throws IOException {
    long records = 0;
    long disagree = 0;
    try (InputStream in = new FileInputStream(args[0]);
        JsonParser p = new JsonFactory().createParser(in)) {
      while (p.nextToken() == JsonToken.START_OBJECT) {
        long kore = Long.MIN_VALUE;
        long passScore = Long.MIN_VALUE;
        boolean passed = false;
        long yes = 0;
        long no = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken t = p.nextToken();
          switch (key) {
            case "Kore Evaluation Score":
              kore = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : Long.MIN_VALUE;
              break;
            case "Pass Score":
              passScore = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : Long.MIN_VALUE;
              break;
            case "IsPassed":
              passed = t == JsonToken.VALUE_TRUE;
              break;
            case "Metrics":
              if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                break;
              }
              while (p.nextToken() == JsonToken.START_OBJECT) {
                long weight = 0;
                String answer = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String metricKey = p.currentName();
                  JsonToken mt = p.nextToken();
                  if (metricKey.equals("Metric Weight") && mt == JsonToken.VALUE_NUMBER_INT) {
                    weight = p.getLongValue();
                  } else if (metricKey.equals("Qualification") && mt == JsonToken.VALUE_STRING) {
                    answer = p.getText();
                  } else {
                    p.skipChildren();
                  }
                }
                if (answer.equals("YES")) {
                  yes += weight;
                } else if (answer.equals("NO")) {
                  no += weight;
                }
              }
              break;
            default:
              p.skipChildren();
          }
        }
        records++;
        if (kore == Long.MIN_VALUE || yes + no == 0) {
          continue;
        }
        long floor = Math.floorDiv(100 * yes, yes + no);
        long ceil = -Math.floorDiv(-100 * yes, yes + no);
        boolean scoreAgrees = kore >= floor && kore <= ceil;
        boolean passAgrees = passScore == Long.MIN_VALUE || passed == (kore >= passScore);
        if (!scoreAgrees || !passAgrees) {
          disagree++;
        }
      }
    }
    System.out.println(records + " records, " + disagree + " disagree");
  }
}
