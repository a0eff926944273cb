package org.madoguchi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application against the real engine, MariaDB and SMTP server; one shared context. Engine
 * commands and mail sent inside a database transaction fail ({@link NetworkOutsideTransactions}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedInfrastructure.class)
@ActiveProfiles("test")
@Import(NetworkOutsideTransactions.class)
public @interface MadoguchiIT {}
