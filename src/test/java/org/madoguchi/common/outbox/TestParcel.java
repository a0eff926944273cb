package org.madoguchi.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** An outbox kind of the tests' own (table from the test classpath's R__test_parcels.sql). */
@Entity
@Table(name = "test_parcels")
class TestParcel extends OutboxEntry {

  static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1));

  @Column(nullable = false)
  private String label;

  protected TestParcel() {}

  TestParcel(String label, Instant now) {
    super(now);
    this.label = label;
  }

  @Override
  protected Backoff backoff() {
    return BACKOFF;
  }

  String label() {
    return label;
  }
}
