package org.madoguchi.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.admin.InstanceMigrations;
import org.madoguchi.admin.InstanceMigrations.Outcome;
import org.madoguchi.admin.ModelChanges;
import org.madoguchi.admin.ModelValidator;
import org.madoguchi.admin.ModelChanges.DeployResult;
import org.madoguchi.admin.ModelDeployer;
import org.madoguchi.admin.ModelDeployments;
import org.madoguchi.admin.ModelDeployments.Deployment;
import org.madoguchi.admin.ModelDeployments.DefinitionVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelUploads.Upload;
import org.madoguchi.admin.ResourceKind;
import org.madoguchi.admin.Rollbacks;
import org.madoguchi.admin.RunningInstances;
import org.madoguchi.admin.ValidationReport;
import org.madoguchi.admin.VersionTags;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin console's pages: the deployed models with their versions and running instances, an upload
 * through validation, diff, dry run and fee preview to its deployment, a deployment's record and its
 * rollback, and the migration of a version's running instances. Only for admins ({@link AdminAccess}).
 * The upload is a multipart form whose CSRF token is in its address, as the portal's.
 */
@Controller
class AdminPages {

  static final int HISTORY = 50;
  static final int DEFAULT_PREVIEW_CASES = 20;

  /** The header's "who is signed in" (the staff console's header, which these pages share). */
  record AdminViewer(String name, List<StaffGroup> groups) {}

  private final ModelDeployments deployments;
  private final ModelChanges changes;
  private final Rollbacks rollbacks;
  private final InstanceMigrations migrations;
  private final RunningInstances running;
  private final Accounts accounts;
  private final MadoguchiProperties properties;

  AdminPages(
      ModelDeployments deployments, ModelChanges changes, Rollbacks rollbacks, InstanceMigrations migrations,
      RunningInstances running, Accounts accounts, MadoguchiProperties properties) {
    this.deployments = deployments;
    this.changes = changes;
    this.rollbacks = rollbacks;
    this.migrations = migrations;
    this.running = running;
    this.accounts = accounts;
    this.properties = properties;
  }

  @ModelAttribute("viewer")
  AdminViewer viewer(@AuthenticationPrincipal SignedInAccount account) {
    if (account == null) {
      return null;
    }
    Account found = accounts.find(account.accountId()).orElseThrow();
    return new AdminViewer(found.displayName(), found.staffGroups().stream().sorted(Comparator.comparing(StaffGroup::name)).toList());
  }

  @ModelAttribute("adminConsole")
  boolean adminConsole() {
    return true;
  }

  @ModelAttribute("tasklistUrl")
  String tasklistUrl() {
    return properties.tasklistUrl();
  }

  @GetMapping("/admin")
  String home() {
    return "redirect:/admin/models";
  }

  @GetMapping("/admin/models")
  String models(Model model) {
    List<DefinitionVersion> versions = deployments.versions();
    Map<String, List<DefinitionVersion>> byDefinition = new LinkedHashMap<>();
    versions.forEach(v -> byDefinition.computeIfAbsent(v.definition().kind() + " " + v.definition().definitionId(), k -> new ArrayList<>()).add(v));
    model.addAttribute("definitions", byDefinition.values());
    List<Long> processKeys = versions.stream()
        .filter(v -> v.definition().kind() == ResourceKind.PROCESS).map(v -> v.definition().definitionKey()).toList();
    try {
      model.addAttribute("instances", running.byVersion(processKeys));
    } catch (RunningInstances.Unavailable unavailable) {
      model.addAttribute("instances", Map.of());
      model.addAttribute("instancesUnavailable", unavailable.getMessage());
    }
    model.addAttribute("history", deployments.history(HISTORY));
    model.addAttribute("maxFiles", ModelValidator.MAX_FILES);
    return "admin/models";
  }

  @PostMapping("/admin/models/uploads")
  String upload(
      @AuthenticationPrincipal SignedInAccount account,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Model model,
      HttpServletResponse response)
      throws IOException {
    List<ModelFile> chosen = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      // A form sent without a choice has an empty part without a name: that is no file.
      if (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
        chosen.add(new ModelFile(file.getOriginalFilename(), file.getBytes()));
      }
    }
    try {
      return "redirect:/admin/models/uploads/" + changes.upload(account.getUsername(), chosen);
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("uploadErrors", refused.violations());
      return models(model);
    }
  }

  @GetMapping("/admin/models/uploads/{uploadId}")
  String uploadPage(@PathVariable long uploadId, Model model, Locale locale) {
    return uploadPage(changes.find(uploadId), model, locale);
  }

  @PostMapping("/admin/models/uploads/{uploadId}/dry-run")
  String dryRun(@PathVariable long uploadId, Model model, Locale locale, HttpServletResponse response) {
    Upload upload = changes.find(uploadId);
    try {
      model.addAttribute("dryRun", changes.dryRun(upload, locale));
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusals", refused.violations());
    }
    return uploadPage(upload, model, locale);
  }

  @PostMapping("/admin/models/uploads/{uploadId}/fee-preview")
  String feePreview(
      @PathVariable long uploadId,
      @RequestParam(defaultValue = "" + DEFAULT_PREVIEW_CASES) int cases,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Upload upload = changes.find(uploadId);
    try {
      model.addAttribute("feePreview", changes.previewFees(upload, cases, locale));
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusals", refused.violations());
    }
    model.addAttribute("previewCases", cases);
    return uploadPage(upload, model, locale);
  }

  @PostMapping("/admin/models/uploads/{uploadId}/deployment")
  String deploy(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable long uploadId,
      @RequestParam(defaultValue = "") String versionTag,
      @RequestParam(defaultValue = "") String comment,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Upload upload = changes.find(uploadId);
    DeployResult result;
    try {
      result = changes.deploy(upload, account.getUsername(), versionTag, comment, locale);
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("deployErrors", refused.violations());
      model.addAttribute("versionTag", versionTag);
      model.addAttribute("comment", comment);
      return uploadPage(upload, model, locale);
    }
    if (result.outcome() == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return uploadPage(upload, model, locale);
    }
    return "redirect:/admin/models/deployments/" + result.outcome().deploymentId();
  }

  @GetMapping("/admin/models/deployments/{deploymentId}")
  String deployment(@PathVariable long deploymentId, Model model) {
    Deployment deployment = deployments.find(deploymentId).orElseThrow(() -> new NotFoundException("deployment " + deploymentId));
    model.addAttribute("deployment", deployment);
    model.addAttribute("resources", deployments.resourcesOf(deploymentId).stream().map(ModelFile::name).toList());
    model.addAttribute("definitions", deployments.definitionsOf(deploymentId));
    if (deployment.rollsBack() != null) {
      // After a rollback: from each version the rollback replaced to the version it restored.
      model.addAttribute("migrateBack", migrateBack(deployment));
    }
    return "admin/deployment";
  }

  @PostMapping("/admin/models/deployments/{deploymentId}/rollback")
  String rollBack(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long deploymentId, Model model, HttpServletResponse response) {
    try {
      ModelDeployer.Outcome outcome = rollbacks.rollBack(deploymentId, account.getUsername());
      return "redirect:/admin/models/deployments/" + outcome.deploymentId();
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusals", refused.violations());
      return deployment(deploymentId, model);
    }
  }

  @GetMapping("/admin/processes/{definitionKey}")
  String instances(@PathVariable long definitionKey, @RequestParam(required = false) Long to, Model model) {
    DefinitionVersion version = deployments.version(definitionKey)
        .filter(v -> v.definition().kind() == ResourceKind.PROCESS)
        .orElseThrow(() -> new NotFoundException("process version " + definitionKey));
    model.addAttribute("version", version);
    List<DefinitionVersion> others = deployments.versions().stream()
        .filter(v -> v.definition().kind() == ResourceKind.PROCESS
            && v.definition().definitionId().equals(version.definition().definitionId())
            && v.definition().definitionKey() != definitionKey)
        .toList();
    model.addAttribute("others", others);
    try {
      model.addAttribute("running", running.byVersion(List.of(definitionKey)).get(definitionKey));
    } catch (RunningInstances.Unavailable unavailable) {
      model.addAttribute("running", List.of());
      model.addAttribute("instancesUnavailable", unavailable.getMessage());
    }
    Long target = to != null ? to : others.isEmpty() ? null : others.get(0).definition().definitionKey();
    if (target != null) {
      model.addAttribute("plan", migrations.plan(definitionKey, target));
    }
    model.addAttribute("maxInstances", InstanceMigrations.MAX_INSTANCES);
    return "admin/instances";
  }

  @PostMapping("/admin/processes/{definitionKey}/migration")
  String migrate(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable long definitionKey,
      @RequestParam long to,
      @RequestParam(name = "instances", required = false) List<Long> instances,
      Model model,
      HttpServletResponse response) {
    List<Outcome> outcomes;
    try {
      outcomes = migrations.migrate(account.getUsername(), definitionKey, to, instances == null ? List.of() : instances);
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusals", refused.violations());
      return instances(definitionKey, to, model);
    }
    model.addAttribute("plan", migrations.plan(definitionKey, to));
    model.addAttribute("outcomes", outcomes);
    return "admin/migration";
  }

  private String uploadPage(Upload upload, Model model, Locale locale) {
    ValidationReport report = changes.validate(upload, locale);
    model.addAttribute("upload", upload);
    model.addAttribute("report", report);
    model.addAttribute("target", changes.target());
    if (report.deployable()) {
      model.addAttribute("diff", changes.diff(upload));
    }
    model.addAttribute("feeSchedule", changes.changesFeeSchedule(upload));
    if (!model.containsAttribute("previewCases")) {
      model.addAttribute("previewCases", DEFAULT_PREVIEW_CASES);
    }
    model.addAttribute("maxTag", VersionTags.MAX_LENGTH);
    model.addAttribute("maxComment", ModelChanges.MAX_COMMENT);
    if (upload.deploymentId() != null) {
      model.addAttribute("deployedAs", upload.deploymentId());
    }
    return "admin/upload";
  }

  /** For each process the rollback restored: the version it replaced (the undone one) and the one it made. */
  private List<MigrateBack> migrateBack(Deployment rollback) {
    List<MigrateBack> links = new ArrayList<>();
    for (var restored : deployments.definitionsOf(rollback.id())) {
      if (restored.kind() != ResourceKind.PROCESS) {
        continue;
      }
      deployments.definitionsOf(rollback.rollsBack()).stream()
          .filter(undone -> undone.kind() == ResourceKind.PROCESS && undone.definitionId().equals(restored.definitionId())
              && undone.definitionKey() != restored.definitionKey())
          .forEach(undone -> links.add(new MigrateBack(restored.definitionId(), undone.version(), undone.definitionKey(),
              restored.version(), restored.definitionKey())));
    }
    return links;
  }

  record MigrateBack(String processId, int fromVersion, long fromKey, int toVersion, long toKey) {}
}
