package org.madoguchi.admin.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Madoguchi's code relies on in the models, from {@code admin/process-contract.json} (docs/processes.md
 * in machine-readable form): each process's start variables, each job type's outputs, the messages
 * Madoguchi publishes (correlation key and the variables they set) and the forms the portal renders.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessContract(
    Map<String, Process> processes,
    Map<String, JobType> jobTypes,
    Map<String, JobType> listenerJobTypes,
    Map<String, Message> messages,
    List<String> applicantForms) {

  public static final String RESOURCE = "admin/process-contract.json";

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Process(List<String> startVariables) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JobType(List<String> outputs) {}

  /**
   * {@code correlationKey} is the FEEL expression the waiting element must use ({@code =caseNumber});
   * {@code awaitedIn} the process that waits for it.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(String correlationKey, String awaitedIn, List<String> variables) {}

  /** The contract packaged with the application. */
  public static ProcessContract load() {
    try (InputStream in = ProcessContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new ObjectMapper().readValue(in, ProcessContract.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Task and listener job types together. */
  public Map<String, JobType> allJobTypes() {
    Map<String, JobType> all = new LinkedHashMap<>(jobTypes);
    all.putAll(listenerJobTypes);
    return all;
  }
}
