-- An administrator's upload between its steps (validate, dry run, preview, deploy), in the database so
-- that the steps may run on any instance and survive a restart; deployment_id once it was deployed.
CREATE TABLE model_uploads (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  uploaded_by   VARCHAR(320) NOT NULL,
  uploaded_at   TIMESTAMP(6) NOT NULL,
  deployment_id BIGINT       NULL,
  CONSTRAINT fk_model_uploads_deployment FOREIGN KEY (deployment_id) REFERENCES model_deployments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE model_upload_files (
  upload_id BIGINT       NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content   LONGBLOB     NOT NULL,
  PRIMARY KEY (upload_id, file_name),
  CONSTRAINT fk_model_upload_files FOREIGN KEY (upload_id) REFERENCES model_uploads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
