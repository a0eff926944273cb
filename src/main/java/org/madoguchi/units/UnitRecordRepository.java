package org.madoguchi.units;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRecordRepository extends JpaRepository<UnitRecord, String> {

  List<UnitRecord> findAllByOrderByCode();
}
