package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import dev.korescore.scoring.WhatIf;
import dev.korescore.scoring.WhatIfAggregator;
import dev.korescore.scoring.WhatIfOutcome;
import dev.korescore.scoring.WhatIfRow;
import org.apache.spark.sql.RowFactory;

/**
 * What every partition of a {@link WhatIfJob} needs to know, shipped to the executors with the task: each
 * interaction re-scored before and after the change ({@link WhatIf}) into a {@link WhatIfAggregator}, and
 * a row per re-scored interaction.
 *
 * @param whatIf the current policy and the change
 * @param format how the rows are written
 * @param flipsKept how many flips the summary keeps with their reasons
 */
record WhatIfSettings(WhatIf whatIf, RowFormat format, int flipsKept) implements Scoring<WhatIfAggregator> {

  WhatIfSettings {
    requireNonNull(whatIf, "whatIf");
    requireNonNull(format, "format");
    if (flipsKept < 0) {
      throw new IllegalArgumentException("flipsKept must be >= 0, was " + flipsKept);
    }
  }

  @Override
  public WhatIfAggregator fresh() {
    return WhatIfAggregator.create(whatIf, flipsKept);
  }

  @Override
  public WhatIfAggregator merge(WhatIfAggregator into, WhatIfAggregator from) {
    return into.merge(from);
  }

  @Override
  public Scorer<WhatIfAggregator> scorer() {
    StringBuilder line = new StringBuilder(256);
    return (x, aggregate) -> {
      WhatIfOutcome outcome = whatIf.evaluate(x);
      aggregate.accept(x, outcome);
      if (!(outcome instanceof WhatIfOutcome.Rescored rescored)) {
        return null;
      }
      if (format == RowFormat.JSONL) {
        line.setLength(0);
        WhatIfRow.appendJsonLine(line, x, rescored);
        return RowFactory.create(line.toString());
      }
      return Tables.whatIfRow(WhatIfRow.of(x, rescored));
    };
  }
}
