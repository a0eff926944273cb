package org.madoguchi.deposit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetReviewRepository extends JpaRepository<DatasetReview, Long> {

  boolean existsByJobKey(long jobKey);

  List<DatasetReview> findByDatasetIdInOrderByIdAsc(Collection<Long> datasetIds);

  List<DatasetReview> findByDatasetIdOrderByIdAsc(long datasetId);
}
