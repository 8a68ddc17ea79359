package io.gex.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response body as an {@link InputStream} that streams (one chunk requested at a time) and gives up
 * when no data arrives for the idle timeout. The JDK's own {@code BodyHandlers.ofInputStream()} waits
 * forever on a server that stops sending mid-body.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

  /** Marks the end of the body in the queue. */
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idle;
  private volatile Flow.@Nullable Subscription subscription;
  private @Nullable Iterator<ByteBuffer> chunk;
  private @Nullable ByteBuffer current;
  private boolean ended;
  private long count;
  private @Nullable IOException failure;

  BodyStream(Duration idle) {
    this.idle = Objects.requireNonNull(idle, "idle");
  }

  /** Bytes delivered so far. */
  long count() {
    return count;
  }

  /** The read failure (connection lost, stalled), if one happened. */
  @Nullable IOException failure() {
    return failure;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    ByteBuffer b = next();
    if (b == null) {
      return -1;
    }
    int n = Math.min(length, b.remaining());
    b.get(buffer, offset, n);
    count += n;
    return n;
  }

  private @Nullable ByteBuffer next() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (chunk != null && chunk.hasNext()) {
        current = chunk.next();
        continue;
      }
      if (ended) {
        return null;
      }
      Object item;
      try {
        item = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(new InterruptedIOException("interrupted while reading the body"));
      }
      if (item == null) {
        cancel();
        throw fail(new IOException("no data for " + idle + " after " + count + " bytes"));
      }
      if (item == END) {
        ended = true;
        return null;
      }
      if (item instanceof Throwable t) {
        ended = true;
        throw fail(new IOException(String.valueOf(t.getMessage()), t));
      }
      @SuppressWarnings("unchecked") // only lists of buffers and the two markers are queued
      List<ByteBuffer> buffers = (List<ByteBuffer>) item;
      chunk = buffers.iterator();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
    }
    return current;
  }

  private IOException fail(IOException e) {
    failure = e;
    return e;
  }

  private void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void close() {
    ended = true;
    cancel();
  }
}
