package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reused event buffer: every byte read, nothing of an earlier event kept or seen. */
class EventBytesTest {
  @Test
  void aStreamThatHidesItsLength_isReadToItsEnd_acrossGrowth() throws IOException {
    byte[] event = new byte[20_000];
    Arrays.fill(event, (byte) 'x');

    EventBytes read = EventBytes.read(new Trickle(event));

    assertThat(read.copy()).isEqualTo(event);
    read.release();
  }

  @Test
  void aReleasedBuffer_isZeroedAndReused_andTheNextEventSeesOnlyItsOwnBytes() throws IOException {
    EventBytes first = EventBytes.read(stream("Authorization: Bearer secret-token"));
    byte[] buffer = first.array();
    first.release();

    assertThat(buffer).containsOnly((byte) 0);
    EventBytes second = EventBytes.read(stream("{}"));
    assertThat(second.array()).isSameAs(buffer);
    assertThat(second.copy()).isEqualTo("{}".getBytes());
    second.release();
  }

  @Test
  void aBufferLargerThanKept_isNotHeldAfterItsEvent() throws IOException {
    EventBytes large = EventBytes.read(new ByteArrayInputStream(new byte[EventBytes.KEPT + 1]));
    large.release();

    EventBytes next = EventBytes.read(stream("{}"));

    assertThat(next.array()).isNotSameAs(large.array());
    assertThat(next.array().length).isLessThanOrEqualTo(EventBytes.KEPT);
    next.release();
  }

  @Test
  void overlappingInvocations_getTheirOwnBuffers() throws IOException {
    EventBytes one = EventBytes.read(stream("one"));
    EventBytes two = EventBytes.read(stream("two"));

    assertThat(one.array()).isNotSameAs(two.array());
    assertThat(one.copy()).isEqualTo("one".getBytes());
    assertThat(two.copy()).isEqualTo("two".getBytes());
    one.release();
    two.release();
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes());
  }

  /** Hands out at most 7 bytes per read and claims nothing is available. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private int at;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (at == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, 7), bytes.length - at);
      System.arraycopy(bytes, at, into, offset, n);
      at += n;
      return n;
    }
  }
}
