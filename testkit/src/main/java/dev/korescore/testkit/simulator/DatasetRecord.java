package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One record the simulator serves: its wire JSON, verbatim, and what the request filters look at.
 *
 * @param conversationId the record's conversation id (for assertions)
 * @param wireJson one complete JSON object, served verbatim
 * @param startTime the conversation start: what {@code startDate}/{@code endDate} filter on
 * @param channel the record's {@code src}, for the {@code channel} filter
 * @param queues the ids and names of the record's queues, for the {@code queues} filter
 */
public record DatasetRecord(
    String conversationId, String wireJson, Instant startTime, Optional<String> channel, List<String> queues) {
  public DatasetRecord {
    requireNonNull(conversationId, "conversationId");
    requireNonNull(wireJson, "wireJson");
    requireNonNull(startTime, "startTime");
    requireNonNull(channel, "channel");
    queues = List.copyOf(queues);
  }
}
