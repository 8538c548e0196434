package dev.korescore.cli.whatif;

import static java.util.Objects.requireNonNull;

import dev.korescore.cli.audit.OutputFormat;
import dev.korescore.cli.common.ReadAhead;
import dev.korescore.core.model.Interaction;
import dev.korescore.scoring.WhatIf;
import dev.korescore.scoring.WhatIfAggregator;
import dev.korescore.scoring.WhatIfOutcome;
import dev.korescore.scoring.WhatIfSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;

/**
 * The what-if behind {@code korescore whatif}: re-scores every interaction of an iterator before and
 * after the change, writes a row per re-scored interaction (JSON Lines, CSV) and returns the summary.
 * One pass, the reading ahead on a second thread ({@link ReadAhead}, as an audit's); memory grows with
 * agents, queues, forms and metric names, not with interactions.
 */
final class WhatIfRun {
  private final WhatIf whatIf;
  private final OutputFormat format;
  private final int flipsKept;

  WhatIfRun(WhatIf whatIf, OutputFormat format, int flipsKept) {
    this.whatIf = requireNonNull(whatIf, "whatIf");
    this.format = requireNonNull(format, "format");
    this.flipsKept = flipsKept;
  }

  /** Re-scores {@code interactions}, writing rows to {@code out} (flushed, not closed). */
  WhatIfSummary run(Iterator<Interaction> interactions, Writer out) {
    WhatIfAggregator aggregator = WhatIfAggregator.create(whatIf, flipsKept);
    Iterator<Interaction> read = ReadAhead.of(interactions);
    try (WhatIfRows rows = WhatIfRows.forFormat(format, out)) {
      while (read.hasNext()) {
        Interaction interaction = read.next();
        WhatIfOutcome outcome = whatIf.evaluate(interaction);
        aggregator.accept(interaction, outcome);
        if (outcome instanceof WhatIfOutcome.Rescored rescored) {
          rows.write(interaction, rescored);
        }
      }
    } finally {
      ReadAhead.closeIfStarted(read);
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return aggregator.summary();
  }
}
