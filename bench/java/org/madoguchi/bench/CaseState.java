package org.madoguchi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One case of a phase as the robot follows it. The launcher registers it (who the applicant is, when it
 * was submitted); the robot binds it to its process instance when it sees the instance's
 * {@code caseNumber}. Either may come first: applicant actions wait until both have.
 */
final class CaseState {

  final String caseNumber;
  final CompletableFuture<CaseState> done = new CompletableFuture<>();

  private Object applicant;
  private boolean registered;
  private boolean measured;
  private long submittedAtMillis;
  private long rootInstanceKey = -1;
  private final List<Runnable> pendingActions = new ArrayList<>();

  // written by the robot thread only, read after the case is done
  volatile long closedAtMillis = -1;
  volatile long closedObservedNanos;
  volatile int feeRuleEvaluations;
  volatile int reschedules;

  CaseState(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  /** The launcher's side; returns actions that waited for it. */
  synchronized List<Runnable> register(Object applicant, long submittedAtMillis, boolean measured) {
    this.applicant = applicant;
    this.submittedAtMillis = submittedAtMillis;
    this.measured = measured;
    this.registered = true;
    List<Runnable> ready = List.copyOf(pendingActions);
    pendingActions.clear();
    return ready;
  }

  /** Runs now (returns true) when registered, else keeps the action until registration. */
  synchronized boolean readyOrDefer(Runnable action) {
    if (!registered) {
      pendingActions.add(action);
      return false;
    }
    return true;
  }

  synchronized void bind(long rootInstanceKey) {
    this.rootInstanceKey = rootInstanceKey;
  }

  synchronized long rootInstanceKey() {
    return rootInstanceKey;
  }

  synchronized Object applicant() {
    return applicant;
  }

  synchronized boolean measured() {
    return measured;
  }

  synchronized long submittedAtMillis() {
    return submittedAtMillis;
  }

  /** Submission to CloseCase completed, in milliseconds (engine record time minus wall-clock submit time). */
  long endToEndMillis() {
    return closedAtMillis - submittedAtMillis();
  }

  void fail(String reason) {
    done.completeExceptionally(new IllegalStateException(caseNumber + ": " + reason));
  }
}
