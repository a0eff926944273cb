package org.madoguchi.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A message published again while the engine still buffers the first (same message id) is delivered. */
@MadoguchiIT
class RepublishedMessageIT {

  @Autowired WorkflowCommands commands;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void alreadyExistsCountsAsDelivered() {
    String messageId = "republished-" + UUID.randomUUID();
    // Nobody subscribes to this message: the engine buffers the first for its TTL and refuses the second.
    transactions.executeWithoutResult(status -> {
      commands.publishMessage("test.nobody-waits", messageId, messageId, Map.of(), null, Duration.ofHours(1));
      commands.publishMessage("test.nobody-waits", messageId, messageId, Map.of(), null, Duration.ofHours(1));
    });

    List<Map<String, Object>> rows = await("both publications marked")
        .atMost(ProcessDriver.TIMEOUT)
        .until(() -> jdbc.queryForList(
                "select attempts, last_error, sent_at from workflow_commands where message_id = ?", messageId),
            found -> found.size() == 2 && found.stream().allMatch(r -> r.get("sent_at") != null || r.get("last_error") != null));
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.get("last_error")).isNull();
      assertThat(row.get("attempts")).isEqualTo(0);
      assertThat(row.get("sent_at")).isNotNull();
    });
  }
}
