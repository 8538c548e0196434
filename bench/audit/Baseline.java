import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's baseline: a bare single-pass Jackson streaming program, no object model, that
 * recomputes every record's score the way `korescore audit` does (exclude NA, >= pass, fatal zeroes,
 * clamp at -100, floor/ceiling match) and writes the same JSON Lines row per record.
 *
 * <p>Usage: java -cp jackson-core.jar Baseline.java IN.jsonl OUT.jsonl
 */
public final class Baseline {
  private static final Map<String, String> KEYS = new HashMap<>();

  private static String key(String raw) {
    String k = KEYS.get(raw);
    if (k == null) {
      k = raw.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
      KEYS.put(raw, k);
    }
    return k;
  }

  public static void main(String[] args) throws IOException {
    JsonFactory factory = new JsonFactory();
    long records = 0;
    long mismatches = 0;
    try (InputStream in = new FileInputStream(args[0]);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(args[1]), 1 << 16);
        JsonParser p = factory.createParser(in);
        JsonGenerator g = factory.createGenerator(out)) {
      g.setPrettyPrinter(new MinimalPrettyPrinter(""));
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String id = null;
        Integer kore = null;
        Integer passScore = null;
        Boolean passed = null;
        String durationStatus = null;
        long yes = 0;
        long noW = 0;
        long noNeg = 0;
        boolean fatalFailed = false;
        boolean invalid = false;
        int metrics = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = key(p.currentName());
          JsonToken t = p.nextToken();
          switch (k) {
            case "conversationid":
              id = p.getText();
              break;
            case "koreevaluationscore":
            case "koreevalutionscore":
              kore = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
              break;
            case "passscore":
              passScore = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
              break;
            case "ispassed":
              passed = t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
              break;
            case "durationstatus":
              durationStatus = t == JsonToken.VALUE_NULL ? null : p.getText();
              break;
            case "metrics":
              if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                break;
              }
              while (p.nextToken() == JsonToken.START_OBJECT) {
                long w = 0;
                long neg = 0;
                String q = null;
                boolean fatal = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String mk = key(p.currentName());
                  JsonToken mt = p.nextToken();
                  switch (mk) {
                    case "metricweight":
                      w = p.getLongValue();
                      break;
                    case "metricnegativeweight":
                      neg = p.getLongValue();
                      break;
                    case "qualification":
                      q = p.getText();
                      break;
                    case "isfatalerror":
                      fatal = mt == JsonToken.VALUE_TRUE;
                      break;
                    default:
                      p.skipChildren();
                  }
                }
                metrics++;
                if (q == null || w < 0 || neg < 0) {
                  invalid = true;
                } else if (q.equals("YES")) {
                  yes += w;
                } else if (q.equals("NO")) {
                  noW += w;
                  noNeg += neg;
                  fatalFailed |= fatal;
                } else if (!q.equals("NA") && !q.equals("-")) {
                  invalid = true;
                }
              }
              break;
            default:
              p.skipChildren();
          }
        }
        records++;
        String verdict;
        BigDecimal computed = null;
        Boolean computedPassed = null;
        if (kore == null || (durationStatus != null && !durationStatus.equals("evaluated")) || metrics == 0) {
          verdict = "NOT_AUDITABLE";
        } else if (invalid) {
          verdict = "INVALID";
        } else if (!fatalFailed && yes + noW == 0) {
          verdict = "NOT_AUDITABLE";
        } else {
          long num;
          long den;
          if (fatalFailed) {
            num = 0;
            den = 1;
          } else {
            num = 100 * (yes - noNeg);
            den = yes + noW;
            if (num < -100 * den) {
              num = -100;
              den = 1;
            }
          }
          long floor = Math.floorDiv(num, den);
          long ceil = -Math.floorDiv(-num, den);
          boolean agrees = kore >= floor && kore <= ceil;
          computed = new BigDecimal(BigInteger.valueOf(num)).divide(BigDecimal.valueOf(den), new MathContext(12))
              .setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
          if (computed.scale() < 0) {
            computed = computed.setScale(0);
          }
          if (passScore != null) {
            computedPassed = !fatalFailed && (agrees ? kore >= passScore : num >= (long) passScore * den);
          }
          boolean expected = !fatalFailed && passScore != null && kore >= passScore;
          if (!agrees) {
            verdict = "SCORE_MISMATCH";
          } else if (passed != null && passScore != null && passed != expected) {
            verdict = "PASS_MISMATCH";
          } else {
            verdict = "MATCH";
          }
        }
        if (!verdict.equals("MATCH") && !verdict.equals("NOT_AUDITABLE")) {
          mismatches++;
        }
        g.writeStartObject();
        g.writeStringField("conversationId", id);
        g.writeStringField("verdict", verdict);
        g.writeFieldName("koreScore");
        if (kore == null) {
          g.writeNull();
        } else {
          g.writeNumber(kore);
        }
        g.writeFieldName("computedScore");
        if (computed == null) {
          g.writeNull();
        } else {
          g.writeNumber(computed);
        }
        g.writeFieldName("passScore");
        if (passScore == null) {
          g.writeNull();
        } else {
          g.writeNumber(passScore);
        }
        g.writeFieldName("korePassed");
        if (passed == null) {
          g.writeNull();
        } else {
          g.writeBoolean(passed);
        }
        g.writeFieldName("computedPassed");
        if (computedPassed == null) {
          g.writeNull();
        } else {
          g.writeBoolean(computedPassed);
        }
        g.writeArrayFieldStart("reasons");
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
    System.err.println("baseline: " + records + " records, " + mismatches + " problems");
  }
}
