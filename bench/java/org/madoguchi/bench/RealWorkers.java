package org.madoguchi.bench;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The application's {@code @JobWorker}s found on the classpath (without starting Spring): which job
 * types have a real worker and which variables it fetches, so the no-op worker of a type fetches the
 * same variables.
 */
final class RealWorkers {

  /** One real worker: its class and the variables it fetches ({@code null}: all of them). */
  record Worker(String className, List<String> fetchVariables) {}

  private final Map<String, Worker> byType;

  private RealWorkers(Map<String, Worker> byType) {
    this.byType = byType;
  }

  static RealWorkers scan(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, Worker> byType = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName(), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null && !worker.type().isBlank()) {
          byType.put(worker.type(), new Worker(type.getName(), worker.fetchAllVariables() ? null : fetched(worker, method)));
        }
      }
    }
    return new RealWorkers(byType);
  }

  boolean has(String jobType) {
    return byType.containsKey(jobType);
  }

  Worker get(String jobType) {
    return byType.get(jobType);
  }

  Set<String> types() {
    return byType.keySet();
  }

  /** What the starter fetches: the declared fetchVariables plus every {@code @Variable} parameter. */
  private static List<String> fetched(JobWorker worker, Method method) {
    Set<String> names = new LinkedHashSet<>(List.of(worker.fetchVariables()));
    for (Parameter parameter : method.getParameters()) {
      Variable variable = parameter.getAnnotation(Variable.class);
      if (variable != null) {
        String name = !variable.name().isBlank() ? variable.name() : !variable.value().isBlank() ? variable.value() : parameter.getName();
        names.add(name);
      }
    }
    return List.copyOf(names);
  }
}
