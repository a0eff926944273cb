package org.madoguchi.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

  Optional<Account> findByEmail(String email);

  @Query("select a from Account a join a.staffGroups g where g = :groupName order by a.displayName, a.email")
  List<Account> findByStaffGroup(String groupName);

  @Query("select distinct g from Account a join a.staffGroups g order by g")
  List<String> findStaffGroupNames();
}
