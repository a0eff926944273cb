package org.madoguchi.deposit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepositRepository extends JpaRepository<Deposit, Long> {

  List<Deposit> findByDatasetIdInOrderByDatasetIdAscVersionNoAsc(Collection<Long> datasetIds);

  List<Deposit> findByDatasetIdOrderByVersionNoAsc(long datasetId);

  Optional<Deposit> findFirstByDatasetIdOrderByVersionNoDesc(long datasetId);
}
