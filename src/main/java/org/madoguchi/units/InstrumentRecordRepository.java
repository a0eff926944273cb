package org.madoguchi.units;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstrumentRecordRepository extends JpaRepository<InstrumentRecord, Long> {

  List<InstrumentRecord> findByUnitCodeOrderById(String unitCode);

  boolean existsByNameAndIdNot(String name, long id);

  boolean existsByName(String name);
}
