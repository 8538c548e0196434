package dev.korescore.adapters.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input that keeps the bytes it handed out since a mark, so that reading can start again from any
 * of them: what lets {@code --skip-bad-records} give a fresh parser the line after a malformed one.
 * Memory holds the bytes from the mark on (one record and the parser's read-ahead), never the input.
 * Byte offsets count from the start of the input. Closing it closes the underlying input.
 */
final class ReplayInput extends InputStream {
  private static final int INITIAL = 1 << 16;

  private final InputStream in;
  private byte[] buffer = new byte[INITIAL];
  /** Input offset of {@code buffer[0]}. */
  private long bufferStart;
  /** Valid bytes in {@code buffer}. */
  private int length;
  /** Input offset of the next byte handed out. */
  private long position;
  /** Bytes before this offset may be dropped. */
  private long mark;
  private boolean ended;

  ReplayInput(InputStream in) {
    this.in = in;
  }

  /** The input offset of the next byte {@link #read()} hands out. */
  long position() {
    return position;
  }

  /** Lets the bytes before {@code offset} go: no restart will reach back before it. */
  void mark(long offset) {
    if (offset > mark) {
      mark = Math.min(offset, position);
    }
  }

  /**
   * The offset just after the first line break at or after {@code from}, reading ahead as needed, or -1
   * when the input ends first; bytes from {@code from} on stay available.
   */
  long lineAfter(long from) throws IOException {
    if (from < bufferStart) {
      throw new IllegalStateException("offset " + from + " was released; kept from " + bufferStart);
    }
    long at = from;
    while (true) {
      while (at < bufferStart + length) {
        if (buffer[(int) (at - bufferStart)] == '\n') {
          return at + 1;
        }
        at++;
      }
      if (!fill()) {
        return -1;
      }
    }
  }

  /** The byte at {@code offset} (kept or read ahead), or -1 past the end of the input. */
  int byteAt(long offset) throws IOException {
    if (offset < bufferStart) {
      throw new IllegalStateException("offset " + offset + " was released; kept from " + bufferStart);
    }
    while (offset >= bufferStart + length) {
      if (!fill()) {
        return -1;
      }
    }
    return buffer[(int) (offset - bufferStart)] & 0xff;
  }

  /** Reading continues at {@code offset}, which must still be kept. */
  void rewind(long offset) {
    if (offset < bufferStart || offset > bufferStart + length) {
      throw new IllegalStateException("offset " + offset + " is not kept (" + bufferStart + " to "
          + (bufferStart + length) + ")");
    }
    position = offset;
    mark = Math.max(Math.min(mark, offset), bufferStart);
  }

  @Override
  public int read() throws IOException {
    if (position >= bufferStart + length && !fill()) {
      return -1;
    }
    return buffer[(int) (position++ - bufferStart)] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position >= bufferStart + length && !fill()) {
      return -1;
    }
    int available = (int) (bufferStart + length - position);
    int n = Math.min(len, available);
    System.arraycopy(buffer, (int) (position - bufferStart), b, off, n);
    position += n;
    return n;
  }

  /** Reads more of the input into the buffer; false at its end. */
  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    if (length == buffer.length) {
      int drop = (int) (Math.min(mark, position) - bufferStart);
      if (drop > 0) {
        System.arraycopy(buffer, drop, buffer, 0, length - drop);
        length -= drop;
        bufferStart += drop;
      }
      if (length > buffer.length / 2) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    int n = in.read(buffer, length, buffer.length - length);
    if (n < 0) {
      ended = true;
      return false;
    }
    length += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
