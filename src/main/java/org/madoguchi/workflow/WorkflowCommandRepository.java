package org.madoguchi.workflow;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkflowCommandRepository extends JpaRepository<WorkflowCommand, Long> {

  Optional<WorkflowCommand> findFirstByCaseIdAndKindOrderByIdDesc(Long caseId, WorkflowCommand.Kind kind);
}
