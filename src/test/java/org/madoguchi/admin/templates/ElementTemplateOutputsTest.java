package org.madoguchi.admin.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outputs a job template maps are the outputs docs/processes.md lists for its job type. With output mappings
 * in place a task passes on only the mapped variables, so a template and the contract administrators read must
 * not drift apart.
 */
class ElementTemplateOutputsTest {

  private static final Path CONTRACT = Path.of("docs/processes.md");

  /** A table row of a job step: {@code | RegisterCase | service task | `case.register` | caseId -> taskPriority, ... |}. */
  private static final Pattern JOB_ROW = Pattern.compile("^\\| *(\\w+) *\\|[^|]*\\| *`([a-z]+\\.[a-z-]+)` *\\|(.*)\\|\\s*$");

  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

  private static final Pattern VARIABLE = Pattern.compile("[a-z][A-Za-z]*");

  private static Map<String, Set<String>> documented;
  private static List<ElementTemplate> templates;

  @BeforeAll
  static void read() throws IOException {
    documented = documentedOutputs(Files.readAllLines(CONTRACT));
    templates = ElementTemplate.readAll();
  }

  @Test
  void theContractDocumentsJobSteps() {
    assertThat(documented).as("job steps in the tables of %s", CONTRACT).containsKeys("case.register", "fees.assess");
  }

  @Test
  void everyJobTemplateMapsTheOutputsTheContractLists() {
    assertThat(outputProblems(templates)).isEmpty();
  }

  @Test
  void aTemplateThatDropsADocumentedOutputIsReported() {
    List<ElementTemplate> dropped = templates.stream().map(t -> !t.file().equals("fees.assess.json") ? t
        : t.without(p -> "=feeReview".equals(p.path("binding").path("source").asText()))).toList();
    assertThat(outputProblems(dropped)).anySatisfy(problem -> assertThat(problem).contains("fees.assess").contains("feeReview"));
  }

  @Test
  void outputsAreReadFromTheArrowColumn() {
    assertThat(outputsOf("caseId -> feeTotal (integer yen), statementId, feeReview (the lines (all of them))"))
        .containsExactly("feeTotal", "statementId", "feeReview");
    assertThat(outputsOf("caseId, infoRequest")).isEmpty();
    assertThat(outputsOf("caseId -> end `CaseExpired`")).isEmpty();
    assertThat(outputsOf("caseId -> unitSupportResult when returned; names the lead operator in `CaseTeams`"))
        .containsExactly("unitSupportResult");
    assertThat(outputsOf("caseId -> applicantCategory, fastTrack (the confirmed values; unless declined). Stores them"))
        .containsExactly("applicantCategory", "fastTrack");
  }

  /** Each job template's outputs, by variable name, against the contract's row of its job type. */
  private static List<String> outputProblems(List<ElementTemplate> templates) {
    List<String> problems = new ArrayList<>();
    for (ElementTemplate template : templates) {
      if (template.jobType().isEmpty()) {
        continue;
      }
      String jobType = template.jobType().get();
      if (!documented.containsKey(jobType)) {
        problems.add("%s: job type %s has no row in %s".formatted(template, jobType, CONTRACT));
        continue;
      }
      Set<String> mapped = new TreeSet<>(template.outputs().keySet());
      if (!mapped.equals(documented.get(jobType))) {
        problems.add("%s: outputs %s, but %s lists %s for %s".formatted(template, mapped, CONTRACT, documented.get(jobType), jobType));
      }
      template.outputs().forEach((target, source) -> {
        if (!source.equals("=" + target)) {
          problems.add("%s: output %s comes from %s, not =%s".formatted(template, target, source, target));
        }
      });
    }
    return problems;
  }

  /** Job type -> the outputs its table row lists. */
  private static Map<String, Set<String>> documentedOutputs(List<String> lines) {
    Map<String, Set<String>> outputs = new TreeMap<>();
    for (String line : lines) {
      Matcher row = JOB_ROW.matcher(line);
      if (row.matches()) {
        outputs.put(row.group(2), new TreeSet<>(outputsOf(row.group(3))));
      }
    }
    return outputs;
  }

  /**
   * The variables after {@code ->} in an "inputs -> outputs" cell: the leading camelCase word of each comma-separated
   * item, leaving out remarks in parentheses and anything after the first {@code ;} or {@code .}; {@code end `X`}
   * names the end event the step leads to, not a variable.
   */
  private static List<String> outputsOf(String cell) {
    int arrow = cell.indexOf("->");
    if (arrow < 0) {
      return List.of();
    }
    String outputs = cell.substring(arrow + 2);
    for (String previous = null; !outputs.equals(previous); ) {
      previous = outputs;
      outputs = PARENTHESES.matcher(outputs).replaceAll("");
    }
    outputs = outputs.split("[;.]", 2)[0];
    List<String> variables = new ArrayList<>();
    for (String item : outputs.split(",")) {
      String first = item.strip().split("\\s+", 2)[0];
      if (VARIABLE.matcher(first).matches() && !first.equals("end")) {
        variables.add(first);
      }
    }
    return variables;
  }
}
