package org.madoguchi.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.madoguchi.admin.DryRuns.DryRunReport;
import org.madoguchi.admin.FeeSchedulePreview.FeePreview;
import org.madoguchi.admin.ModelDeployments.Kind;
import org.madoguchi.admin.ModelUploads.Upload;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * An administrator's change from upload to deployment: the upload is kept, validated against what is
 * deployed now, compared with it, dry-run, its fee schedule previewed, and deployed with a version tag
 * once it validates again on the server.
 */
@Component
public class ModelChanges {

  public static final int MAX_NAME = 255;
  public static final int MAX_COMMENT = 2000;
  public static final int MAX_PREVIEW_CASES = 200;
  public static final String FEE_SCHEDULE = "fee-schedule.dmn";

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String PACKAGED_TEXTS = "classpath*:/forms-i18n/*.json";

  /** The result of a deploy request: refused by validation (the report), or sent (the engine's answer). */
  public record DeployResult(ValidationReport report, ModelDeployer.Outcome outcome) {}

  private final ModelUploads uploads;
  private final ModelDeployments deployments;
  private final ModelDeployer deployer;
  private final ModelValidator validator;
  private final DryRuns dryRuns;
  private final FeeSchedulePreview feePreview;
  private final AdminProperties properties;

  ModelChanges(
      ModelUploads uploads, ModelDeployments deployments, ModelDeployer deployer, ModelValidator validator, DryRuns dryRuns,
      FeeSchedulePreview feePreview, AdminProperties properties) {
    this.uploads = uploads;
    this.deployments = deployments;
    this.deployer = deployer;
    this.validator = validator;
    this.dryRuns = dryRuns;
    this.feePreview = feePreview;
    this.properties = properties;
  }

  /** Keeps the files for the next steps; refuses names that are no model file, twice the same name, too many. */
  public long upload(String by, List<ModelFile> files) {
    if (files.isEmpty()) {
      throw InvalidRequestException.of("files", "admin.upload.none");
    }
    if (files.size() > ModelValidator.MAX_FILES) {
      throw InvalidRequestException.of("files", "admin.upload.too-many", ModelValidator.MAX_FILES);
    }
    Set<String> names = new HashSet<>();
    for (ModelFile file : files) {
      String name = file.name();
      if (name == null || name.length() > MAX_NAME || !FILE_NAME.matcher(name).matches() || ResourceKind.of(name).isEmpty()) {
        throw InvalidRequestException.of("files", "admin.upload.name", name == null ? "" : name.substring(0, Math.min(name.length(), MAX_NAME)));
      }
      if (!names.add(name)) {
        throw InvalidRequestException.of("files", "admin.upload.twice", name);
      }
    }
    return uploads.keep(by, files);
  }

  public Upload find(long uploadId) {
    return uploads.find(uploadId).orElseThrow(() -> new NotFoundException("upload " + uploadId));
  }

  public EngineVersion target() {
    return properties.engineVersion();
  }

  public ValidationReport validate(Upload upload, Locale locale) {
    return validator.validate(upload.files(), deployed(), target(), locale);
  }

  public List<ModelDiff.FileDiff> diff(Upload upload) {
    return ModelDiff.of(upload.files(), deployments.current());
  }

  /** Only a valid upload goes to the dry run's engine. */
  public DryRunReport dryRun(Upload upload, Locale locale) {
    requireValid(upload, locale);
    return dryRuns.run(upload.files(), deployed(), locale);
  }

  public boolean changesFeeSchedule(Upload upload) {
    return feeSchedule(upload.files()).isPresent();
  }

  public FeePreview previewFees(Upload upload, int lastClosedCases, Locale locale) {
    if (lastClosedCases < 1 || lastClosedCases > MAX_PREVIEW_CASES) {
      throw InvalidRequestException.of("cases", "admin.fees.cases", MAX_PREVIEW_CASES);
    }
    requireValid(upload, locale);
    ModelFile changed = feeSchedule(upload.files()).orElseThrow(() -> InvalidRequestException.of("files", "admin.fees.no-schedule"));
    ModelFile current = feeSchedule(deployments.current()).orElseGet(() -> packagedFeeSchedule().orElse(null));
    try {
      return feePreview.preview(changed, current, lastClosedCases);
    } catch (IllegalArgumentException unusable) {
      // A table fee assessment would refuse too (a rate above 1, no fee-schedule decision ...).
      throw InvalidRequestException.of("files", "admin.fees.unusable", unusable.getMessage());
    }
  }

  /** Validates again (the deployed models may have changed since), tags and deploys the whole upload at once. */
  public DeployResult deploy(Upload upload, String by, String versionTag, String comment, Locale locale) {
    if (upload.deploymentId() != null) {
      throw InvalidRequestException.of("upload", "admin.deploy.already");
    }
    if (!VersionTags.isValid(versionTag)) {
      throw InvalidRequestException.of("versionTag", "admin.deploy.tag");
    }
    String note = comment == null ? "" : comment.strip();
    if (note.isEmpty() || note.length() > MAX_COMMENT) {
      throw InvalidRequestException.of("comment", "admin.deploy.comment", MAX_COMMENT);
    }
    ValidationReport report = validate(upload, locale);
    if (!report.deployable()) {
      return new DeployResult(report, null);
    }
    ModelDeployer.Outcome outcome =
        deployer.deploy(Kind.UPLOAD, by, versionTag, note, null, VersionTags.apply(upload.files(), versionTag));
    if (outcome.deployed()) {
      uploads.deployed(upload.id(), outcome.deploymentId());
    }
    return new DeployResult(report, outcome);
  }

  private void requireValid(Upload upload, Locale locale) {
    if (!validate(upload, locale).deployable()) {
      throw InvalidRequestException.of("files", "admin.validation.first");
    }
  }

  /** What an upload may refer to: the deployed models and the form texts packaged with the application. */
  private List<ModelFile> deployed() {
    List<ModelFile> deployed = new ArrayList<>(deployments.current());
    try {
      for (Resource texts : new PathMatchingResourcePatternResolver().getResources(PACKAGED_TEXTS)) {
        try (InputStream in = texts.getInputStream()) {
          deployed.add(new ModelFile(texts.getFilename(), in.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the packaged form texts", e);
    }
    return deployed;
  }

  private static Optional<ModelFile> feeSchedule(List<ModelFile> files) {
    return files.stream().filter(f -> f.name().equals(FEE_SCHEDULE)).findFirst();
  }

  private static Optional<ModelFile> packagedFeeSchedule() {
    try {
      return StartupDeployment.packaged().stream().filter(f -> f.name().equals(FEE_SCHEDULE)).findFirst();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
