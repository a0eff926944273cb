package org.madoguchi.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** The guard every application test runs with fails an engine command or a mail inside a transaction. */
@MadoguchiIT
class NetworkOutsideTransactionsIT {

  @Autowired CamundaClient client;
  @Autowired JavaMailSender mail;
  @Autowired TransactionTemplate transactions;

  @Test
  void anEngineCommandInsideATransactionFails() {
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> client.newPublishMessageCommand()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside a database transaction");
  }

  @Test
  void aMailInsideATransactionFails() {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setTo("nobody@madoguchi.example");
    message.setText("never sent");
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> mail.send(message)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside a database transaction");
  }
}
