package org.madoguchi.workflow;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkflowCommandRepository extends JpaRepository<WorkflowCommand, Long> {}
