package dev.korescore.spark;

import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.DailyStats;
import dev.korescore.scoring.GroupStats;
import dev.korescore.scoring.MetricStats;
import dev.korescore.scoring.PolicyInference;
import dev.korescore.scoring.VerdictKind;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The merged {@link AuditSummary} as small tables under {@code summary/}: {@code totals}, {@code
 * agents}, {@code queues}, {@code channels}, {@code forms}, {@code metrics}, {@code days} and, with
 * {@code --infer-policy}, {@code policies}. Each is one part file: a summary grows with the number of
 * groups, never with the number of interactions.
 */
final class SummaryTables {
  private static final String[] GROUP_COUNTS = {
    "interactions", "matches", "scoreMismatches", "passMismatches", "notAuditable", "invalid", "koreScoreSum",
    "koreScored", "korePassed", "korePassKnown", "computedPassed", "computedPassKnown"
  };

  private SummaryTables() {}

  /** Every table of {@code summary} ({@code rejected} records besides), written under {@code dir}. */
  static void write(SparkSession spark, AuditSummary summary, long rejected, RowFormat format, String dir) {
    write(spark, totals(summary, rejected), format, dir + "/totals");
    write(spark, groups("agent", summary.byAgent()), format, dir + "/agents");
    write(spark, groups("queue", summary.byQueue()), format, dir + "/queues");
    write(spark, groups("channel", summary.byChannel()), format, dir + "/channels");
    write(spark, groups("form", summary.byForm()), format, dir + "/forms");
    write(spark, metrics(summary.metrics()), format, dir + "/metrics");
    write(spark, days(summary.daily()), format, dir + "/days");
    summary.inference().ifPresent(inference -> write(spark, policies(inference), format, dir + "/policies"));
  }

  /** One small table: its schema and rows. */
  record Table(StructType schema, List<Row> rows) {}

  /** {@code table} as one part file under {@code path}. */
  static void write(SparkSession spark, Table table, RowFormat format, String path) {
    var writer = spark.createDataFrame(table.rows(), table.schema()).coalesce(1).write();
    if (format == RowFormat.JSONL) {
      writer.option("ignoreNullFields", "false").json(path);
    } else {
      writer.parquet(path);
    }
  }

  private static Table totals(AuditSummary s, long rejected) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("policy", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("interactions", DataTypes.LongType, false));
    for (VerdictKind kind : VerdictKind.values()) {
      fields.add(DataTypes.createStructField(kind.name(), DataTypes.LongType, false));
    }
    for (String name : List.of("rejected", "korePassed", "korePassKnown", "computedPassed", "computedPassKnown")) {
      fields.add(DataTypes.createStructField(name, DataTypes.LongType, false));
    }
    List<Object> values = new ArrayList<>();
    values.add(s.policy().describe());
    values.add(s.interactions());
    Map<VerdictKind, Long> counts = s.counts();
    for (VerdictKind kind : VerdictKind.values()) {
      values.add(counts.get(kind));
    }
    values.add(rejected);
    values.add(s.korePassed());
    values.add(s.korePassKnown());
    values.add(s.computedPassed());
    values.add(s.computedPassKnown());
    return new Table(DataTypes.createStructType(fields), List.of(RowFactory.create(values.toArray())));
  }

  private static Table groups(String key, List<GroupStats> groups) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(key, DataTypes.StringType, false));
    for (String name : GROUP_COUNTS) {
      fields.add(DataTypes.createStructField(name, DataTypes.LongType, false));
    }
    List<Row> rows = new ArrayList<>(groups.size());
    for (GroupStats g : groups) {
      rows.add(RowFactory.create(g.key(), g.interactions(), g.matches(), g.scoreMismatches(), g.passMismatches(),
          g.notAuditable(), g.invalid(), g.koreScoreSum(), g.koreScored(), g.korePassed(), g.korePassKnown(),
          g.computedPassed(), g.computedPassKnown()));
    }
    return new Table(DataTypes.createStructType(fields), rows);
  }

  private static Table metrics(List<MetricStats> metrics) {
    StructType schema = new StructType(new StructField[] {
      DataTypes.createStructField("metric", DataTypes.StringType, false),
      DataTypes.createStructField("yes", DataTypes.LongType, false),
      DataTypes.createStructField("no", DataTypes.LongType, false),
      DataTypes.createStructField("na", DataTypes.LongType, false),
      DataTypes.createStructField("manual", DataTypes.LongType, false),
      DataTypes.createStructField("unrecognised", DataTypes.LongType, false),
      DataTypes.createStructField("involvedInMismatch", DataTypes.LongType, false)
    });
    List<Row> rows = new ArrayList<>(metrics.size());
    for (MetricStats m : metrics) {
      rows.add(RowFactory.create(m.name(), m.yes(), m.no(), m.na(), m.manual(), m.unrecognised(),
          m.involvedInMismatch()));
    }
    return new Table(schema, rows);
  }

  private static Table days(List<DailyStats> days) {
    StructType schema = new StructType(new StructField[] {
      DataTypes.createStructField("day", DataTypes.DateType, false),
      DataTypes.createStructField("interactions", DataTypes.LongType, false),
      DataTypes.createStructField("koreScoreSum", DataTypes.LongType, false),
      DataTypes.createStructField("koreScored", DataTypes.LongType, false),
      DataTypes.createStructField("mismatches", DataTypes.LongType, false)
    });
    List<Row> rows = new ArrayList<>(days.size());
    for (DailyStats d : days) {
      rows.add(RowFactory.create(Date.valueOf(d.day()), d.interactions(), d.koreScoreSum(), d.koreScored(),
          d.mismatches()));
    }
    return new Table(schema, rows);
  }

  private static Table policies(PolicyInference inference) {
    StructType schema = new StructType(new StructField[] {
      DataTypes.createStructField("policy", DataTypes.StringType, false),
      DataTypes.createStructField("explained", DataTypes.LongType, false),
      DataTypes.createStructField("considered", DataTypes.LongType, false),
      DataTypes.createStructField("share", DataTypes.DoubleType, false),
      DataTypes.createStructField("description", DataTypes.StringType, false)
    });
    List<Row> rows = new ArrayList<>();
    for (PolicyInference.Share share : inference.shares()) {
      rows.add(RowFactory.create(share.policy().describe(), share.explained(), inference.considered(), share.share(),
          share.description()));
    }
    return new Table(schema, rows);
  }
}
