package dev.korescore.core.port.out;

import dev.korescore.core.policy.FormChange;
import java.io.InputStream;

/**
 * Reads a {@link FormChange} from a document, such as the JSON a QA lead writes for {@code korescore
 * whatif --change FILE}.
 */
public interface ReadFormChangePort {

  /**
   * Reads one change; does not close {@code input}.
   *
   * @param sourceName what errors call the input: a path
   * @throws FormChangeReadException when the document is not a valid change (the message names the
   *     place and the field)
   */
  FormChange read(String sourceName, InputStream input);
}
