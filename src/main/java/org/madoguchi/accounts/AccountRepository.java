package org.madoguchi.accounts;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

  Optional<Account> findByEmail(String email);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Account a where a.email = :email")
  Optional<Account> findByEmailForUpdate(String email);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Account a where a.id = :id")
  Optional<Account> findByIdForUpdate(long id);

  @Query("select distinct a from Account a join a.staffGroups g where g = :groupName and a.verifiedAt is not null order by a.displayName, a.email")
  List<Account> findVerifiedInStaffGroup(String groupName);

  @Query("select distinct g from Account a join a.staffGroups g order by g")
  List<String> findStaffGroupNames();
}
