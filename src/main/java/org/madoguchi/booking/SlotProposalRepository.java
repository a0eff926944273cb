package org.madoguchi.booking;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SlotProposalRepository extends JpaRepository<SlotProposal, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from SlotProposal p where p.id = :id")
  Optional<SlotProposal> findForUpdate(long id);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from SlotProposal p where p.openFor = :openFor")
  Optional<SlotProposal> findOpenForUpdate(String openFor);

  List<SlotProposal> findByCaseIdOrderByIdDesc(long caseId);
}
