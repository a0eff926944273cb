package org.madoguchi.fees.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UpkeepCostRepository extends JpaRepository<UpkeepCost, Long> {

  @Query("select c from UpkeepCost c where c.instrumentId = :instrumentId and c.incurredOn between :first and :last"
      + " order by c.incurredOn, c.id")
  List<UpkeepCost> ofInstrument(long instrumentId, LocalDate first, LocalDate last);

  Optional<UpkeepCost> findByReversesId(long reversesId);

  @Query("select c.reversesId, c.id from UpkeepCost c where c.reversesId in :ids")
  List<Object[]> reversalsOf(List<Long> ids);

  /** [instrument id, sum of amounts] of the entries incurred from {@code first} to {@code last}, reversals included. */
  @Query("select c.instrumentId, sum(c.amountYen) from UpkeepCost c where c.incurredOn between :first and :last group by c.instrumentId")
  List<Object[]> totalsByInstrument(LocalDate first, LocalDate last);
}
