package io.gex.charts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Copies a record with one component replaced, through the canonical constructor, so the fixtures keep
 * compiling when core records gain components. A dotted path ({@code "exposures.callWall"}) replaces a
 * component of a component.
 */
final class Records {

  private Records() {}

  static <R extends Record> R with(R record, String component, Object value) {
    int dot = component.indexOf('.');
    if (dot > 0) {
      String outer = component.substring(0, dot);
      Record inner = (Record) get(record, outer);
      return with(record, outer, with(inner, component.substring(dot + 1), value));
    }
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) record.getClass();
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    boolean found = false;
    try {
      for (int i = 0; i < components.length; i++) {
        if (components[i].getName().equals(component)) {
          args[i] = value;
          found = true;
        } else {
          args[i] = components[i].getAccessor().invoke(record);
        }
      }
      if (!found) {
        throw new IllegalArgumentException(type.getSimpleName() + " has no component " + component);
      }
      Constructor<R> canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return canonical.newInstance(args);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot copy " + type.getSimpleName(), e.getCause());
    }
  }

  private static Object get(Record record, String component) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(component)) {
        try {
          return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + component, e);
        }
      }
    }
    throw new IllegalArgumentException(
        record.getClass().getSimpleName() + " has no component " + component);
  }
}
