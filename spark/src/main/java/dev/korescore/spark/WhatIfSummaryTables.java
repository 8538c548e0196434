package dev.korescore.spark;

import dev.korescore.scoring.ScoreShifts;
import dev.korescore.scoring.WhatIfFlip;
import dev.korescore.scoring.WhatIfGroupStats;
import dev.korescore.scoring.WhatIfSummary;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The merged {@link WhatIfSummary} as small tables under {@code summary/}: {@code totals}, {@code agents},
 * {@code queues}, {@code forms} (pass rates before and after, flips each way, score shifts), {@code
 * shifts} (the histogram of {@code korescore whatif}) and {@code flips} (the first flips with their
 * reasons). Each is one part file: a summary grows with the number of groups, never with the number of
 * interactions.
 */
final class WhatIfSummaryTables {
  private static final String[] GROUP_COUNTS = {
    "rescored", "affected", "passedBefore", "passKnownBefore", "passedAfter", "passKnownAfter", "passToFail",
    "failToPass"
  };

  private WhatIfSummaryTables() {}

  /** Every table of {@code summary} ({@code rejected} records besides), written under {@code dir}. */
  static void write(SparkSession spark, WhatIfSummary summary, long rejected, RowFormat format, String dir) {
    SummaryTables.write(spark, totals(summary, rejected), format, dir + "/totals");
    SummaryTables.write(spark, groups("agent", summary.byAgent()), format, dir + "/agents");
    SummaryTables.write(spark, groups("queue", summary.byQueue()), format, dir + "/queues");
    SummaryTables.write(spark, groups("form", summary.byForm()), format, dir + "/forms");
    SummaryTables.write(spark, shifts(summary.shifts()), format, dir + "/shifts");
    SummaryTables.write(spark, flips(summary.firstFlips()), format, dir + "/flips");
  }

  private static SummaryTables.Table totals(WhatIfSummary s, long rejected) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("policy", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("change", DataTypes.StringType, false));
    for (String name : List.of("interactions", "notAuditable", "invalid", "rejected", "inScope", "noScoreAfter",
        "flips")) {
      fields.add(DataTypes.createStructField(name, DataTypes.LongType, false));
    }
    for (String name : GROUP_COUNTS) {
      fields.add(DataTypes.createStructField(name, DataTypes.LongType, false));
    }
    fields.add(DataTypes.createStructField("meanShift", DataTypes.DoubleType, true));
    WhatIfGroupStats o = s.overall();
    Row row = RowFactory.create(s.policy().describe(), s.change().describe(), s.interactions(), s.notAuditable(),
        s.invalid(), rejected, s.inScope(), s.noScoreAfter(), s.flips(), o.rescored(), o.affected(), o.passedBefore(),
        o.passKnownBefore(), o.passedAfter(), o.passKnownAfter(), o.passToFail(), o.failToPass(),
        o.meanShift().isPresent() ? o.meanShift().getAsDouble() : null);
    return new SummaryTables.Table(DataTypes.createStructType(fields), List.of(row));
  }

  private static SummaryTables.Table groups(String key, List<WhatIfGroupStats> groups) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(key, DataTypes.StringType, false));
    for (String name : GROUP_COUNTS) {
      fields.add(DataTypes.createStructField(name, DataTypes.LongType, false));
    }
    fields.add(DataTypes.createStructField("meanShift", DataTypes.DoubleType, true));
    List<Row> rows = new ArrayList<>(groups.size());
    for (WhatIfGroupStats g : groups) {
      rows.add(RowFactory.create(g.key(), g.rescored(), g.affected(), g.passedBefore(), g.passKnownBefore(),
          g.passedAfter(), g.passKnownAfter(), g.passToFail(), g.failToPass(),
          g.meanShift().isPresent() ? g.meanShift().getAsDouble() : null));
    }
    return new SummaryTables.Table(DataTypes.createStructType(fields), rows);
  }

  private static SummaryTables.Table shifts(ScoreShifts shifts) {
    StructType schema = new StructType(new StructField[] {
      DataTypes.createStructField("shift", DataTypes.StringType, false),
      DataTypes.createStructField("from", DataTypes.IntegerType, false),
      DataTypes.createStructField("to", DataTypes.IntegerType, false),
      DataTypes.createStructField("interactions", DataTypes.LongType, false)
    });
    List<Row> rows = new ArrayList<>();
    for (ScoreShifts.Bin bin : shifts.bins()) {
      rows.add(RowFactory.create(bin.label(), bin.from(), bin.to(), bin.count()));
    }
    return new SummaryTables.Table(schema, rows);
  }

  private static SummaryTables.Table flips(List<WhatIfFlip> flips) {
    StructType schema = new StructType(new StructField[] {
      DataTypes.createStructField("conversationId", DataTypes.StringType, false),
      DataTypes.createStructField("flip", DataTypes.StringType, false),
      DataTypes.createStructField("agent", DataTypes.StringType, false),
      DataTypes.createStructField("queue", DataTypes.StringType, false),
      DataTypes.createStructField("form", DataTypes.StringType, true),
      DataTypes.createStructField("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false)
    });
    List<Row> rows = new ArrayList<>(flips.size());
    for (WhatIfFlip f : flips) {
      rows.add(RowFactory.create(f.outcome().conversationId().value(), f.flip().name(), f.agent(), f.queue(),
          f.form().orElse(null), f.reasons().toArray(String[]::new)));
    }
    return new SummaryTables.Table(schema, rows);
  }
}
