package org.madoguchi.hostile;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's endpoints, read by Spring MVC's own {@link RequestMappingHandlerMapping} from the
 * controllers on the classpath, so that the generator needs no running context (it also runs against a
 * stack) and no hand-written list. {@code HostileInputIT} checks the list against the running context's.
 */
final class Endpoints {

  /** How a handler reads its input. */
  enum Body { NONE, JSON, FORM, MULTIPART }

  /**
   * One handler method: its HTTP methods (empty: any), path pattern, how it takes its input, and the type
   * bound from the body or form ({@code null} if none) and the request parameters it names.
   */
  record Endpoint(Set<RequestMethod> methods, String path, Body body, Class<?> bodyType, List<String> parameters) {

    boolean isApi() {
      return path.startsWith("/api/") || path.startsWith("/portal/api/");
    }

    List<String> pathVariables() {
      List<String> names = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    @Override
    public String toString() {
      return (methods.isEmpty() ? "ANY" : methods.toString()) + " " + path;
    }
  }

  private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  private Endpoints() {}

  static List<Endpoint> scan() {
    Reader reader = new Reader();
    List<Endpoint> endpoints = new ArrayList<>();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.madoguchi")) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), Endpoints.class.getClassLoader());
      if (isTestCode(type)) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        RequestMappingInfo info = reader.mappingFor(method, type);
        if (info != null) {
          endpoints.addAll(of(info, method));
        }
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(e -> e.methods().toString()));
    return endpoints;
  }

  /** Controllers of the tests (error-raising pages, the local task console) are not the application's. */
  static boolean isTestCode(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
  }

  static List<Endpoint> of(RequestMappingInfo info, Method handler) {
    Body body = Body.NONE;
    Class<?> bodyType = null;
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < handler.getParameterCount(); i++) {
      MethodParameter parameter = new MethodParameter(handler, i);
      parameter.initParameterNameDiscovery(NAMES);
      Class<?> type = parameter.getParameterType();
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        body = Body.JSON;
        bodyType = type;
      } else if (type == MultipartFile.class) {
        body = Body.MULTIPART;
      } else if (param != null) {
        parameters.add(param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName() : param.value() : param.name());
      } else if (type.getName().startsWith("org.madoguchi.") && !parameter.hasParameterAnnotation(PathVariable.class)
          && (parameter.hasParameterAnnotation(ModelAttribute.class) || type.isRecord())) {
        if (body == Body.NONE) {
          body = Body.FORM;
        }
        bodyType = type;
      }
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (String path : info.getPatternValues()) {
      endpoints.add(new Endpoint(info.getMethodsCondition().getMethods(), path, body, bodyType, List.copyOf(parameters)));
    }
    return endpoints;
  }

  /** Spring MVC's own reading of {@code @RequestMapping}, without a web application context. */
  private static final class Reader extends RequestMappingHandlerMapping {

    Reader() {
      StaticApplicationContext empty = new StaticApplicationContext();
      empty.refresh();
      setApplicationContext(empty);
      // The error path is a placeholder with a default; the generator only needs that default.
      setEmbeddedValueResolver(value -> value.startsWith("${server.error.path") ? "/error" : value);
      afterPropertiesSet();
    }

    RequestMappingInfo mappingFor(Method method, Class<?> type) {
      if (AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class) == null) {
        return null;
      }
      return getMappingForMethod(method, type);
    }
  }
}
