package org.madoguchi.testsupport;

import io.camunda.client.CamundaClient;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fails any engine command or mail send made inside a database transaction, in every test that runs the
 * application: a network call there holds the transaction's locks for as long as the peer takes (the
 * relay's claim once held {@code mail_outbox} rows through a silent SMTP conversation).
 */
@TestConfiguration(proxyBeanMethods = false)
public class NetworkOutsideTransactions {

  @Bean
  static BeanPostProcessor networkOutsideTransactionsGuard() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamundaClient) {
          return guarded(bean, "new", false);
        }
        if (bean instanceof JavaMailSender) {
          return guarded(bean, "send", true);
        }
        return bean;
      }
    };
  }

  private static Object guarded(Object bean, String callPrefix, boolean keepClass) {
    ProxyFactory proxy = new ProxyFactory(bean);
    proxy.setProxyTargetClass(keepClass);
    proxy.addAdvice((MethodInterceptor) call -> {
      if (call.getMethod().getName().startsWith(callPrefix) && TransactionSynchronizationManager.isActualTransactionActive()) {
        throw new IllegalStateException(
            call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName() + " inside a database transaction");
      }
      return call.proceed();
    });
    return proxy.getProxy();
  }
}
