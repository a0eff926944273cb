package org.madoguchi.tasks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When staff hear about their tasks.
 *
 * @param digestCron when the daily digest goes out, in {@code madoguchi.time-zone} (Spring cron)
 * @param overdueSweep how often overdue tasks are looked for (each is reminded once)
 * @param lease how long a claimed run may take before another instance takes it over
 */
@ConfigurationProperties("madoguchi.staff-notices")
record StaffNoticeProperties(String digestCron, Duration overdueSweep, Duration lease) {}
