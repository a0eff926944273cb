package org.madoguchi.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.spring.event.CamundaLifecycleEventProducer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.Lifecycle;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the real infrastructure before the Spring context (MariaDB per {@link TestDatabase}, the
 * in-memory Zeebe engine, GreenMail) and points Madoguchi at it; the engine is a bean of the context.
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The test contexts pointed at this infrastructure; Spring keeps them running between test classes. */
  private static final Set<ConfigurableApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    CONTEXTS.add(context);
    // The application reads the engine's own records where it has no other source (running instances
    // per version in the admin console). The engine outlives the context: it is not the context's to close.
    context.getBeanFactory().registerSingleton("inMemoryZeebe", EmbeddedZeebe.start().engine());
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-infrastructure", properties()));
  }

  public static Map<String, Object> properties() {
    TestDatabase database = TestDatabase.get();
    EmbeddedZeebe zeebe = EmbeddedZeebe.start();
    GreenMail smtp = EmbeddedSmtp.start();
    return Map.of(
        "spring.datasource.url", database.url(),
        "spring.datasource.username", database.username(),
        "spring.datasource.password", database.password(),
        "camunda.client.grpc-address", zeebe.grpcAddress(),
        "camunda.client.prefer-rest-over-grpc", "false",
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
  }

  /**
   * Closes the job workers of every test context started so far until the returned handle closes. Those
   * contexts stay cached, and running, between test classes and take jobs from the one engine: a test
   * that tells which of its own applications did each job must have the engine's jobs to itself.
   */
  public static AutoCloseable jobWorkersOfCachedContextsStopped() {
    List<CamundaLifecycleEventProducer> stopped = CONTEXTS.stream()
        .filter(ConfigurableApplicationContext::isActive)
        .flatMap(context -> context.getBeansOfType(CamundaLifecycleEventProducer.class).values().stream())
        .filter(Lifecycle::isRunning)
        .toList();
    stopped.forEach(Lifecycle::stop);
    return () -> stopped.forEach(Lifecycle::start);
  }
}
