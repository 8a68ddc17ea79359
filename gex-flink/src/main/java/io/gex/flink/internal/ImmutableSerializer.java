package io.gex.flink.internal;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The common part of the serializers of gex's immutable values: copies are the value itself, lengths are
 * variable, and a stream copy reads and writes the value.
 *
 * @param <T> the immutable type
 */
public abstract class ImmutableSerializer<T> extends TypeSerializerSingleton<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final T copy(T from) {
    return from;
  }

  @Override
  public final T copy(T from, T reuse) {
    return from;
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public final void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  /** Writes a length-prefixed byte array. */
  protected static void writeBytes(byte[] bytes, DataOutputView target) throws IOException {
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  /** Reads a byte array written by {@link #writeBytes}. */
  protected static byte[] readBytes(DataInputView source) throws IOException {
    int n = source.readInt();
    if (n < 0) {
      throw new IOException("corrupt record: a length of " + n);
    }
    byte[] bytes = new byte[n];
    source.readFully(bytes);
    return bytes;
  }
}
