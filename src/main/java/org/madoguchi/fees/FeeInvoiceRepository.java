package org.madoguchi.fees;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FeeInvoiceRepository extends JpaRepository<FeeInvoice, Long> {

  Optional<FeeInvoice> findByStatementId(long statementId);

}
