package org.madoguchi.workflow;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.grpc.Status;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * How every {@code @JobWorker}'s failures reach the engine. A transient infrastructure failure fails
 * the job with a growing retry backoff ({@link JobRetryProperties}) and, for its first free attempts,
 * without using up a retry, so a database or engine outage of minutes ends in completed jobs, not
 * incidents. Anything else (a bug, data no form can produce, a BPMN error) is handled as the SDK does:
 * retries from the model, decremented per failure.
 */
@Component
class TransientFailureRetries implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(TransientFailureRetries.class);

  private static final Set<Status.Code> TRANSIENT_ENGINE_CODES =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  /** MariaDB's lock wait timeout and deadlock, which Spring leaves uncategorized for this driver. */
  private static final Set<Integer> TRANSIENT_SQL_ERRORS = Set.of(1205, 1213);

  /** Jobs remembered at most: the count only sets the backoff, so forgetting one restarts its schedule. */
  private static final int REMEMBERED_JOBS = 10_000;

  private final DefaultJobExceptionHandlingStrategy sdkDefault;
  private final JobRetryProperties settings;
  private final Map<Long, Integer> transientFailures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
      return size() > REMEMBERED_JOBS;
    }
  };

  TransientFailureRetries(
      CommandExceptionHandlingStrategy commandFailures, MetricsRecorder metrics, JobRetryProperties settings) {
    this.sdkDefault = new DefaultJobExceptionHandlingStrategy(commandFailures, metrics);
    this.settings = settings;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
    if (!isTransient(exception)) {
      sdkDefault.handleException(exception, context);
      return;
    }
    int failure = countFailure(context.job().getKey());
    int retries = failure <= settings.freeAttempts() ? context.job().getRetries() : context.job().getRetries() - 1;
    log.warn("Job {} ({}) met a transient failure (#{}), retried in {} with {} retries left: {}",
        context.job().getKey(), context.job().getType(), failure, settings.backoff(failure), retries, exception.toString());
    sdkDefault.handleException(
        new JobError(exception.toString(), null, retries, settings.backoff(failure), exception), context);
  }

  private synchronized int countFailure(long jobKey) {
    return transientFailures.merge(jobKey, 1, Integer::sum);
  }

  /** Whether the failure is the infrastructure's, likely gone on a later attempt. */
  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof TransientDataAccessException
          || cause instanceof RecoverableDataAccessException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof JDBCConnectionException
          || cause instanceof LockTimeoutException
          || cause instanceof PessimisticLockException
          || cause instanceof QueryTimeoutException
          || cause instanceof ConnectException
          || cause instanceof SocketTimeoutException
          || cause instanceof SQLException sql && isTransient(sql)
          || cause instanceof ClientStatusException engine && TRANSIENT_ENGINE_CODES.contains(engine.getStatusCode())) {
        return true;
      }
    }
    return false;
  }

  /** A lock wait timeout, a deadlock, or a lost connection (SQL state class 08). */
  private static boolean isTransient(SQLException sql) {
    return TRANSIENT_SQL_ERRORS.contains(sql.getErrorCode()) || sql.getSQLState() != null && sql.getSQLState().startsWith("08");
  }
}
