-- Every deployment of process models, decisions and forms made by Madoguchi (at start-up, by an
-- administrator's upload, by a rollback): who, when, the version tag and comment, each resource as sent
-- (content and SHA-256), and what the engine made of it (keys and versions), or why it refused.
CREATE TABLE model_deployments (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind                  VARCHAR(20)   NOT NULL,
  status                VARCHAR(20)   NOT NULL,
  deployed_by           VARCHAR(320)  NOT NULL,
  requested_at          TIMESTAMP(6)  NOT NULL,
  finished_at           TIMESTAMP(6)  NULL,
  version_tag           VARCHAR(100)  NULL,
  comment               VARCHAR(2000) NULL,
  -- A rollback: the deployment whose changes it undid.
  rolls_back            BIGINT        NULL,
  engine_deployment_key BIGINT        NULL,
  failure               VARCHAR(4000) NULL,
  CONSTRAINT fk_model_deployments_rolls_back FOREIGN KEY (rolls_back) REFERENCES model_deployments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE model_deployment_resources (
  deployment_id BIGINT       NOT NULL,
  resource_name VARCHAR(255) NOT NULL,
  content       LONGBLOB     NOT NULL,
  checksum      CHAR(64)     NOT NULL,
  PRIMARY KEY (deployment_id, resource_name),
  CONSTRAINT fk_model_deployment_resources FOREIGN KEY (deployment_id) REFERENCES model_deployments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_model_deployment_resources_name ON model_deployment_resources (resource_name, checksum);

-- The engine's answer: one row per process, decision or form it holds after the deployment (an unchanged
-- resource keeps its earlier key and version).
CREATE TABLE model_definitions (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  deployment_id  BIGINT       NOT NULL,
  resource_name  VARCHAR(255) NOT NULL,
  kind           VARCHAR(20)  NOT NULL,
  definition_id  VARCHAR(255) NOT NULL,
  version        INT          NOT NULL,
  definition_key BIGINT       NOT NULL,
  CONSTRAINT fk_model_definitions_deployment FOREIGN KEY (deployment_id) REFERENCES model_deployments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_model_definitions_key ON model_definitions (definition_key);
CREATE INDEX ix_model_definitions_version ON model_definitions (kind, definition_id, version);
