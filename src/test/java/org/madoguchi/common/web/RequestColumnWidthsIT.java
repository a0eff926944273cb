package org.madoguchi.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.AccountPassword;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request type the application binds (a {@code @RequestBody}, a {@code @ModelAttribute} or a form
 * object bound without annotation), found from the running application's handler methods and walked into
 * nested records and list elements: each string and each list has a {@code @Size}; each string says where
 * it is stored ({@link StoredIn}, checked against the migrated schema's column width) or that it is not
 * ({@link NotStored}); each such parameter is validated ({@code @Valid}).
 */
@MadoguchiIT
class RequestColumnWidthsIT {

  /** A Java character is at most 3 bytes of utf8mb4 (a 4-byte one is 2 Java characters). */
  private static final int BYTES_PER_JAVA_CHAR = 3;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired JdbcTemplate jdbc;

  @Test
  void everyRequestFieldIsBoundedAndFitsItsColumn() {
    Set<Class<?>> requestTypes = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      for (MethodParameter parameter : method.getMethodParameters()) {
        if (isRequestType(parameter)) {
          requestTypes.add(parameter.getParameterType());
          if (!parameter.hasParameterAnnotation(Valid.class) && !parameter.hasParameterAnnotation(Validated.class)) {
            problems.add(method + ": " + parameter.getParameterType().getSimpleName() + " is not @Valid");
          }
        }
      }
    });
    Map<String, Integer> widths = columnWidths();
    Set<Class<?>> walked = new LinkedHashSet<>();
    requestTypes.forEach(type -> walk(type, widths, walked, problems));

    assertThat(walked).as("request types found").hasSizeGreaterThanOrEqualTo(10);
    assertThat(problems).isEmpty();
  }

  /**
   * Our own types bound from the request; the signed-in account, path variables, parameters and model
   * attributes that are not bound (the console's viewer) are not.
   */
  private static boolean isRequestType(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
    return type.getName().startsWith("org.madoguchi.")
        && (attribute == null || attribute.binding())
        && !parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
        && !parameter.hasParameterAnnotation(PathVariable.class)
        && !parameter.hasParameterAnnotation(RequestParam.class);
  }

  private static void walk(Class<?> type, Map<String, Integer> widths, Set<Class<?>> walked, List<String> problems) {
    if (!walked.add(type)) {
      return;
    }
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      String name = type.getSimpleName() + "." + field.getName();
      Class<?> fieldType = field.getType();
      if (fieldType == String.class) {
        Integer max = maxSize(field.getAnnotatedType(), field.getAnnotations());
        if (max == null) {
          problems.add(name + " has no @Size");
        } else {
          checkStorage(name, field, max, 1, widths, problems);
        }
      } else if (Collection.class.isAssignableFrom(fieldType) || fieldType.isArray()) {
        Integer count = maxSize(field.getAnnotatedType(), field.getAnnotations());
        if (count == null) {
          problems.add(name + " (a list) has no @Size");
          continue;
        }
        AnnotatedType element = elementType(field);
        Class<?> elementClass = element == null ? null : erasure(element);
        if (elementClass == String.class) {
          Integer max = maxSize(element, element.getAnnotations());
          if (max == null) {
            problems.add(name + "'s elements have no @Size");
          } else {
            // Joined with one separator between elements.
            checkStorage(name, field, count * (max + 1) - 1, count, widths, problems);
          }
        } else if (elementClass != null && elementClass.getName().startsWith("org.madoguchi.")) {
          walk(elementClass, widths, walked, problems);
        } else {
          problems.add(name + ": elements of " + element + " are not checked");
        }
      } else if (Map.class.isAssignableFrom(fieldType)) {
        problems.add(name + ": a map is not checked");
      } else if (fieldType.getName().startsWith("org.madoguchi.")) {
        walk(fieldType, widths, walked, problems);
      }
    }
  }

  private static void checkStorage(
      String name, Field field, int maxChars, int count, Map<String, Integer> widths, List<String> problems) {
    StoredIn stored = field.getAnnotation(StoredIn.class);
    boolean notStored = field.isAnnotationPresent(NotStored.class) || field.isAnnotationPresent(AccountPassword.class);
    if (stored == null && !notStored) {
      problems.add(name + " says neither @StoredIn nor @NotStored");
    } else if (stored != null && notStored) {
      problems.add(name + " says both @StoredIn and @NotStored");
    } else if (stored != null) {
      Integer width = widths.get(stored.value());
      if (width == null) {
        problems.add(name + " is stored in " + stored.value() + ", which the schema does not have");
      } else if (maxChars > width) {
        problems.add(name + ": up to " + maxChars + " characters" + (count > 1 ? " joined" : "") + ", but "
            + stored.value() + " holds " + width);
      }
    }
  }

  /** The @Size maximum on a type use or a field, directly or through a composed constraint. */
  private static Integer maxSize(AnnotatedType typeUse, Annotation[] annotations) {
    List<Annotation> all = new ArrayList<>(List.of(typeUse.getAnnotations()));
    all.addAll(List.of(annotations));
    for (Annotation annotation : all) {
      Size size = annotation instanceof Size direct ? direct : annotation.annotationType().getAnnotation(Size.class);
      if (size != null && size.max() != Integer.MAX_VALUE) {
        return size.max();
      }
    }
    return null;
  }

  private static AnnotatedType elementType(Field field) {
    if (field.getType().isArray()) {
      return ((java.lang.reflect.AnnotatedArrayType) field.getAnnotatedType()).getAnnotatedGenericComponentType();
    }
    return field.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized
        ? parameterized.getAnnotatedActualTypeArguments()[0]
        : null;
  }

  private static Class<?> erasure(AnnotatedType type) {
    return type.getType() instanceof ParameterizedType parameterized
        ? (Class<?>) parameterized.getRawType()
        : type.getType() instanceof Class<?> plain ? plain : Object.class;
  }

  /** {@code table.column} -> how many Java characters the column holds. */
  private Map<String, Integer> columnWidths() {
    Map<String, Integer> widths = new TreeMap<>();
    jdbc.query(
        "select table_name, column_name, data_type, character_maximum_length, character_octet_length"
            + " from information_schema.columns where table_schema = database() and character_maximum_length is not null",
        row -> {
          String type = row.getString("data_type");
          long chars = type.endsWith("char") ? row.getLong("character_maximum_length")
              : row.getLong("character_octet_length") / BYTES_PER_JAVA_CHAR;
          widths.put(row.getString("table_name") + "." + row.getString("column_name"), (int) Math.min(chars, Integer.MAX_VALUE));
        });
    return widths;
  }
}
