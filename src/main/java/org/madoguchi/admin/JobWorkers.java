package org.madoguchi.admin;

import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.MadoguchiApplication;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The application's job workers, read from its classes rather than from a running context, so that the
 * admin console, the command-line check and the tests see the same list: each worker's job type, the
 * variables it fetches (what the models must provide) and where it is.
 */
public final class JobWorkers {

  private JobWorkers() {}

  /** One {@code @JobWorker} method; {@code jobType} is the method name when the annotation names none. */
  public record Worker(String jobType, boolean typeNamed, List<String> fetchVariables, String where) {}

  /** Every {@code @JobWorker} method in the application's own classes (not test classes beside them). */
  public static List<Worker> scan() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true; // every class, not only concrete top-level ones
      }
    };
    scanner.addIncludeFilter((reader, factory) -> true);
    URL applicationClasses = MadoguchiApplication.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader loader = JobWorkers.class.getClassLoader();
    List<Worker> workers = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(MadoguchiApplication.class.getPackageName())) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName(), false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("scanned but cannot load " + candidate.getBeanClassName(), e);
      }
      if (applicationClasses.equals(type.getProtectionDomain().getCodeSource().getLocation())) {
        workers.addAll(workersOf(type));
      }
    }
    return workers;
  }

  private static List<Worker> workersOf(Class<?> type) {
    List<Worker> workers = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      JobWorker worker = method.getAnnotation(JobWorker.class);
      if (worker == null || method.isBridge() || method.isSynthetic()) {
        continue;
      }
      boolean named = !worker.type().isBlank();
      workers.add(new Worker(
          named ? worker.type() : method.getName(), named, List.of(worker.fetchVariables()),
          type.getName() + "#" + method.getName()));
    }
    return workers;
  }
}
