package dev.korescore.core.fetch;

import java.util.List;
import java.util.Optional;

/**
 * Kore's Raw Data wire format, for an HTTP client that moves only text: the request body, the response
 * envelope, Kore's error messages, and a record's conversation id. One implementation holds the key
 * rules for every API version (the JSON adapter), so the client, the reader and the download agree.
 */
public interface RawDataWirePort {

  /** The JSON body of a Raw Data request. */
  String requestBody(RawDataQuery query);

  /**
   * The records and paging fields of a response body, each record's text exactly as received.
   *
   * @param page the page asked for, named in error messages
   */
  RawDataPage decodePage(String body, int page) throws PageDecodeException;

  /** Kore's messages in an error body ({@code errors[].msg}, else {@code message}); none when it holds none. */
  List<String> errorMessages(String body);

  /** The conversation id of one record's JSON object text, under any key spelling Kore uses. */
  Optional<String> conversationId(String record);
}
