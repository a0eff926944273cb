package org.madoguchi.booking;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WaitlistEntryRepository extends JpaRepository<WaitlistEntry, Long> {

  Optional<WaitlistEntry> findByElementInstanceKey(long elementInstanceKey);

  /** The unit's waiting entries whose window reaches past {@code after}, first come first; locked for the offer. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select w from WaitlistEntry w where w.unitCode = :unitCode and w.state = org.madoguchi.booking.WaitlistEntry.State.WAITING and w.windowEnd > :after order by w.id")
  List<WaitlistEntry> waitingForUpdate(String unitCode, Instant after);

  /** The instance's latest entry, locked: what the waiting window's timer finds. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<WaitlistEntry> findFirstByProcessInstanceKeyOrderByIdDesc(long processInstanceKey);
}
