package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.JobWorkers;

/**
 * docs/processes.md (for people) and admin/process-contract.json (for the validator) say the same:
 * job types and their outputs, the messages with their correlation keys and variables, the start
 * variables, the applicant forms, and the inputs each worker fetches; and the listener job types are those docs/architecture.md names.
 */
class ProcessContractTest {

  private static final Pattern JOB_ROW = Pattern.compile("^\\| *\\w+ *\\|[^|]*\\| *`([a-z]+\\.[a-z]+(?:-[a-z]+)*)` *\\|([^|]*)\\|", Pattern.MULTILINE);
  private static final Pattern MESSAGE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([^|]+)\\|[^|]*\\|([^|]*)\\|", Pattern.MULTILINE);
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-z][A-Za-z0-9]*");

  private static String processes;
  private static ProcessContract contract;

  @BeforeAll
  static void read() throws IOException {
    processes = Files.readString(Path.of("docs/processes.md"));
    contract = ProcessContract.load();
  }

  @Test
  void theJobTypesAndTheirOutputsAreTheDocumented() {
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    Matcher row = JOB_ROW.matcher(processes);
    while (row.find()) {
      documented.put(row.group(1), outputs(row.group(2)));
    }
    Map<String, Set<String>> contracted = new LinkedHashMap<>();
    contract.jobTypes().forEach((type, jobType) -> contracted.put(type, new TreeSet<>(jobType.outputs())));
    assertThat(contracted).isEqualTo(documented);
  }

  @Test
  void theDocumentedInputsAreWhatTheWorkersFetch() {
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    Matcher row = JOB_ROW.matcher(processes);
    while (row.find()) {
      documented.put(row.group(1), inputs(row.group(2)));
    }
    Map<String, Set<String>> fetched = new LinkedHashMap<>();
    JobWorkers.scan().stream()
        .filter(worker -> documented.containsKey(worker.jobType()))
        .forEach(worker -> fetched.put(worker.jobType(), new TreeSet<>(worker.fetchVariables())));
    assertThat(documented).isEqualTo(fetched);
  }

  @Test
  void theListenerJobTypesAreTheDocumented() throws IOException {
    String architecture = Files.readString(Path.of("docs/architecture.md"));
    assertThat(contract.listenerJobTypes().keySet()).isNotEmpty()
        .allSatisfy(type -> assertThat(architecture).contains("`" + type + "`"));
  }

  @Test
  void theMessagesAreTheDocumented() {
    String section = processes.substring(processes.indexOf("## Messages"));
    Map<String, List<String>> documented = new LinkedHashMap<>();
    Matcher row = MESSAGE_ROW.matcher(section);
    while (row.find()) {
      String key = row.group(2).strip();
      // "datasetId (as string)" is the FEEL expression =string(datasetId)
      String expression = key.endsWith("(as string)") ? "=string(" + key.replace("(as string)", "").strip() + ")" : "=" + key;
      List<String> facts = new ArrayList<>(List.of(expression));
      facts.addAll(words(row.group(3)));
      documented.put(row.group(1), facts);
    }
    Map<String, List<String>> contracted = new LinkedHashMap<>();
    contract.messages().forEach((name, message) -> {
      List<String> facts = new ArrayList<>(List.of(message.correlationKey()));
      facts.addAll(message.variables());
      contracted.put(name, facts);
    });
    assertThat(contracted).isEqualTo(documented);
  }

  @Test
  void theStartVariablesAreTheDocumented() {
    String section = processes.substring(processes.indexOf("Started by the application"), processes.indexOf("| element id |"));
    List<String> documented = new ArrayList<>();
    Matcher row = Pattern.compile("^\\| (\\w+) \\| [^|]+\\|", Pattern.MULTILINE).matcher(section);
    while (row.find()) {
      if (!row.group(1).equals("variable")) {
        documented.add(row.group(1));
      }
    }
    assertThat(contract.processes().get("research-support").startVariables()).isEqualTo(documented);
  }

  @Test
  void theApplicantFormsAreTheDocumentedAndThoseThePortalRenders() throws ReflectiveOperationException {
    String section = processes.substring(processes.indexOf("## Applicant forms in the portal"));
    section = section.substring(0, section.indexOf("\n\n"));
    List<String> documented = new ArrayList<>();
    Matcher name = Pattern.compile("`([a-z-]+)`").matcher(section);
    while (name.find()) {
      documented.add(name.group(1));
    }
    assertThat(contract.applicantForms()).isEqualTo(documented);
    var portalForms = Class.forName("org.madoguchi.portal.FormTranslations").getDeclaredField("APPLICANT_FORMS");
    portalForms.setAccessible(true);
    assertThat(contract.applicantForms()).isEqualTo(portalForms.get(null));
  }

  /** The variables before "->" in a job row (the whole cell without one), notes dropped. */
  private static Set<String> inputs(String cell) {
    String text = withoutNotes(cell);
    int arrow = text.indexOf("->");
    return new TreeSet<>(words(arrow < 0 ? text : text.substring(0, arrow)));
  }

  private static String withoutNotes(String cell) {
    String text = cell;
    while (text.matches("(?s).*\\([^()]*\\).*")) {
      text = text.replaceAll("\\([^()]*\\)", "");
    }
    return text;
  }

  /** The variables after "->" in a job row: the first word of each comma-separated item, notes dropped. */
  private static Set<String> outputs(String cell) {
    String text = withoutNotes(cell);
    int arrow = text.indexOf("->");
    Set<String> outputs = new TreeSet<>();
    if (arrow < 0) {
      return outputs;
    }
    String after = text.substring(arrow + 2).split("[;.]")[0].strip();
    if (after.startsWith("end ")) {
      return outputs;
    }
    outputs.addAll(words(after));
    return outputs;
  }

  private static List<String> words(String list) {
    List<String> words = new ArrayList<>();
    for (String item : list.split(",")) {
      Matcher identifier = IDENTIFIER.matcher(item.strip());
      if (identifier.find()) {
        words.add(identifier.group());
      }
    }
    return words;
  }
}
