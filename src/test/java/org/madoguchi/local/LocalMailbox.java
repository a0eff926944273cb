package org.madoguchi.local;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded run's inbox: the mails Madoguchi sent (sign-up verification links, confirmations...),
 * newest first, read from the outbox. Local profile only, on the test classpath only.
 */
@RestController
@Profile("local")
class LocalMailbox {

  private final JdbcTemplate jdbc;

  LocalMailbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/local/mail")
  List<Map<String, Object>> mail(@RequestParam(required = false) String to) {
    return jdbc.queryForList(
        "select recipient, subject, body, created_at, sent_at from mail_outbox"
            + " where (? is null or recipient = ?) order by id desc limit 50",
        to, to);
  }
}
