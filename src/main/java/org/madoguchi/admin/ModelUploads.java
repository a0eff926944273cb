package org.madoguchi.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Uploads kept between the console's steps (validate, dry run, preview, deploy), on any instance. */
@Component
public class ModelUploads {

  public record Upload(long id, String uploadedBy, Instant uploadedAt, Long deploymentId, List<ModelFile> files) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  ModelUploads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public long keep(String uploadedBy, List<ModelFile> files) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into model_uploads (uploaded_by, uploaded_at) values (?, ?)")
        .params(uploadedBy, Timestamp.from(clock.instant()))
        .update(keys);
    long id = keys.getKey().longValue();
    for (ModelFile file : files) {
      jdbc.sql("insert into model_upload_files (upload_id, file_name, content) values (?, ?, ?)")
          .params(id, file.name(), file.content())
          .update();
    }
    return id;
  }

  @Transactional(readOnly = true)
  public Optional<Upload> find(long id) {
    List<ModelFile> files = jdbc.sql("select file_name, content from model_upload_files where upload_id = ? order by file_name")
        .param(id)
        .query((rs, n) -> new ModelFile(rs.getString(1), rs.getBytes(2)))
        .list();
    return jdbc.sql("select id, uploaded_by, uploaded_at, deployment_id from model_uploads where id = ?")
        .param(id)
        .query((rs, n) -> new Upload(
            rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getObject(4, Long.class), files))
        .optional();
  }

  @Transactional
  public void deployed(long uploadId, long deploymentId) {
    jdbc.sql("update model_uploads set deployment_id = ? where id = ?").params(deploymentId, uploadId).update();
  }
}
