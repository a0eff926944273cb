package org.madoguchi.common.web;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;

/**
 * Binds a form value to an enum constant, and a value that names none as null. A form whose object is a
 * record cannot be built when a value does not convert, and its page would have no object to show again;
 * with this editor the object is built and the field's {@code @NotNull} names the bad field instead.
 */
public final class LenientEnumEditor<E extends Enum<E>> extends PropertyEditorSupport {

  private final Class<E> type;

  public LenientEnumEditor(Class<E> type) {
    this.type = type;
  }

  @Override
  public void setAsText(String text) {
    setValue(text == null ? null : Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text.strip())).findFirst().orElse(null));
  }

  @Override
  public String getAsText() {
    return getValue() == null ? "" : ((Enum<?>) getValue()).name();
  }
}
