package org.madoguchi.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every deployment Madoguchi made: written in short transactions around (never during) the
 * engine call, read by the models page, the diff (what is deployed now), migration (a version's BPMN)
 * and rollback (what was deployed before).
 */
@Component
public class ModelDeployments {

  /** Who the start-up deployment is recorded as. */
  public static final String APPLICATION = "application";

  public enum Kind { STARTUP, UPLOAD, ROLLBACK }

  public enum Status { DEPLOYING, DEPLOYED, FAILED }

  public record Deployment(
      long id, Kind kind, Status status, String deployedBy, Instant requestedAt, Instant finishedAt,
      String versionTag, String comment, Long rollsBack, Long engineDeploymentKey, String failure) {}

  /** What the engine holds after a deployment: a process, decision or form version. */
  public record Definition(ResourceKind kind, String definitionId, int version, long definitionKey, String resourceName) {}

  /** A version as the models page lists it, with the deployment that created it. */
  public record DefinitionVersion(Definition definition, Deployment deployment) {}

  private static final int MAX_FAILURE = 4000;
  private static final String DEPLOYMENT =
      "m.id as m_id, m.kind as m_kind, m.status as m_status, m.deployed_by, m.requested_at, m.finished_at,"
          + " m.version_tag, m.comment, m.rolls_back, m.engine_deployment_key, m.failure";
  private static final String DEFINITION = "d.kind as d_kind, d.definition_id, d.version, d.definition_key, d.resource_name";

  private final JdbcClient jdbc;
  private final Clock clock;

  ModelDeployments(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public long begin(Kind kind, String deployedBy, String versionTag, String comment, Long rollsBack, List<ModelFile> resources) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into model_deployments (kind, status, deployed_by, requested_at, version_tag, comment, rolls_back)"
                + " values (?, 'DEPLOYING', ?, ?, ?, ?, ?)")
        .params(kind.name(), deployedBy, Timestamp.from(clock.instant()), versionTag, comment, rollsBack)
        .update(keys);
    long id = keys.getKey().longValue();
    for (ModelFile resource : resources) {
      jdbc.sql("insert into model_deployment_resources (deployment_id, resource_name, content, checksum) values (?, ?, ?, ?)")
          .params(id, resource.name(), resource.content(), Checksums.sha256(resource.content()))
          .update();
    }
    return id;
  }

  @Transactional
  public void deployed(long id, long engineDeploymentKey, List<Definition> definitions) {
    jdbc.sql("update model_deployments set status = 'DEPLOYED', finished_at = ?, engine_deployment_key = ? where id = ?")
        .params(Timestamp.from(clock.instant()), engineDeploymentKey, id)
        .update();
    for (Definition d : definitions) {
      jdbc.sql(
              "insert into model_definitions (deployment_id, resource_name, kind, definition_id, version, definition_key)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(id, d.resourceName(), d.kind().name(), d.definitionId(), d.version(), d.definitionKey())
          .update();
    }
  }

  @Transactional
  public void failed(long id, String failure) {
    String reason = failure == null ? "" : failure.length() > MAX_FAILURE ? failure.substring(0, MAX_FAILURE) : failure;
    jdbc.sql("update model_deployments set status = 'FAILED', finished_at = ?, failure = ? where id = ?")
        .params(Timestamp.from(clock.instant()), reason, id)
        .update();
  }

  @Transactional(readOnly = true)
  public Optional<Deployment> find(long id) {
    return jdbc.sql("select " + DEPLOYMENT + " from model_deployments m where m.id = ?").param(id).query(ModelDeployments::deployment).optional();
  }

  /** Newest first. */
  @Transactional(readOnly = true)
  public List<Deployment> history(int limit) {
    return jdbc.sql("select " + DEPLOYMENT + " from model_deployments m order by m.id desc limit ?").param(limit).query(ModelDeployments::deployment).list();
  }

  @Transactional(readOnly = true)
  public List<ModelFile> resourcesOf(long deploymentId) {
    return jdbc.sql("select resource_name, content from model_deployment_resources where deployment_id = ? order by resource_name")
        .param(deploymentId)
        .query((rs, n) -> new ModelFile(rs.getString(1), rs.getBytes(2)))
        .list();
  }

  @Transactional(readOnly = true)
  public List<Definition> definitionsOf(long deploymentId) {
    return jdbc.sql("select " + DEFINITION + " from model_definitions d where d.deployment_id = ? order by d.kind, d.definition_id")
        .param(deploymentId)
        .query(ModelDeployments::definition)
        .list();
  }

  /**
   * Every version the engine holds from Madoguchi's deployments, each with the deployment that created it:
   * processes, then decisions, then forms, each newest first.
   */
  @Transactional(readOnly = true)
  public List<DefinitionVersion> versions() {
    return jdbc.sql(
            "select " + DEFINITION + ", " + DEPLOYMENT + " from model_definitions d join model_deployments m on m.id = d.deployment_id"
                + " where d.id = (select min(f.id) from model_definitions f where f.definition_key = d.definition_key)"
                + " order by field(d.kind, 'PROCESS', 'DECISION', 'FORM'), d.definition_id, d.version desc")
        .query((rs, n) -> new DefinitionVersion(definition(rs, n), deployment(rs, n)))
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<DefinitionVersion> version(long definitionKey) {
    return versions().stream().filter(v -> v.definition().definitionKey() == definitionKey).findFirst();
  }

  /**
   * The definition as the latest successful deployment that contained it left it, with that deployment:
   * what the engine runs when a model calls its latest version.
   */
  @Transactional(readOnly = true)
  public Optional<DefinitionVersion> latestDeployed(ResourceKind kind, String definitionId) {
    return jdbc.sql(
            "select " + DEFINITION + ", " + DEPLOYMENT + " from model_definitions d join model_deployments m on m.id = d.deployment_id"
                + " where m.status = 'DEPLOYED' and d.kind = ? and d.definition_id = ? order by m.id desc limit 1")
        .params(kind.name(), definitionId)
        .query((rs, n) -> new DefinitionVersion(definition(rs, n), deployment(rs, n)))
        .optional();
  }

  /** The content the engine holds as the newest of each resource Madoguchi deployed, by resource name. */
  @Transactional(readOnly = true)
  public List<ModelFile> current() {
    return jdbc.sql(
            "select r.resource_name, r.content from model_deployment_resources r"
                + " where r.deployment_id = (select max(s.deployment_id) from model_deployment_resources s"
                + "   join model_deployments m on m.id = s.deployment_id"
                + "   where m.status = 'DEPLOYED' and s.resource_name = r.resource_name)"
                + " order by r.resource_name")
        .query((rs, n) -> new ModelFile(rs.getString(1), rs.getBytes(2)))
        .list();
  }

  /** The resource as it was deployed before {@code deploymentId}, if it was. */
  @Transactional(readOnly = true)
  public Optional<ModelFile> before(long deploymentId, String resourceName) {
    return jdbc.sql(
            "select r.resource_name, r.content from model_deployment_resources r join model_deployments m on m.id = r.deployment_id"
                + " where m.status = 'DEPLOYED' and r.resource_name = ? and r.deployment_id < ? order by r.deployment_id desc limit 1")
        .params(resourceName, deploymentId)
        .query((rs, n) -> new ModelFile(rs.getString(1), rs.getBytes(2)))
        .optional();
  }

  /** Whether this exact content of the resource was ever deployed. */
  @Transactional(readOnly = true)
  public boolean everDeployed(String resourceName, String checksum) {
    return jdbc.sql(
            "select count(*) from model_deployment_resources r join model_deployments m on m.id = r.deployment_id"
                + " where m.status = 'DEPLOYED' and r.resource_name = ? and r.checksum = ?")
        .params(resourceName, checksum)
        .query(Long.class)
        .single() > 0;
  }

  @Transactional(readOnly = true)
  public boolean knows(long definitionKey) {
    return jdbc.sql("select count(*) from model_definitions where definition_key = ?").param(definitionKey).query(Long.class).single() > 0;
  }

  /** The BPMN of a process version, as deployed. */
  @Transactional(readOnly = true)
  public Optional<ModelFile> contentOf(long definitionKey) {
    return jdbc.sql(
            "select r.resource_name, r.content from model_definitions d join model_deployment_resources r"
                + " on r.deployment_id = d.deployment_id and r.resource_name = d.resource_name"
                + " where d.definition_key = ? order by d.id limit 1")
        .param(definitionKey)
        .query((rs, n) -> new ModelFile(rs.getString(1), rs.getBytes(2)))
        .optional();
  }

  private static Deployment deployment(ResultSet rs, int n) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new Deployment(
        rs.getLong("m_id"), Kind.valueOf(rs.getString("m_kind")), Status.valueOf(rs.getString("m_status")),
        rs.getString("deployed_by"), rs.getTimestamp("requested_at").toInstant(), finished == null ? null : finished.toInstant(),
        rs.getString("version_tag"), rs.getString("comment"), rs.getObject("rolls_back", Long.class),
        rs.getObject("engine_deployment_key", Long.class), rs.getString("failure"));
  }

  private static Definition definition(ResultSet rs, int n) throws SQLException {
    return new Definition(
        ResourceKind.valueOf(rs.getString("d_kind")), rs.getString("definition_id"), rs.getInt("version"),
        rs.getLong("definition_key"), rs.getString("resource_name"));
  }
}
