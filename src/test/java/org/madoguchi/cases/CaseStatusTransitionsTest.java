package org.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The journey's status transitions as one matrix, so that any change to them is a one-cell diff in
 * review. {@code x}: allowed, {@code .}: refused. Staying in the same status is never a move
 * ({@link SupportCase#moveTo} treats it as a repeated step), hence the empty diagonal.
 */
class CaseStatusTransitionsTest {

  private static final String MATRIX = """
      #                           | to: SUB CON INF SUP FEE STM DEP CLO DEC EXP CAN | final | cancellable
      SUBMITTED                   |      .   x   .   .   .   .   .   .   .   .   x  |   .   |   x
      IN_CONSULTATION             |      .   .   x   x   .   .   .   .   x   .   x  |   .   |   x
      AWAITING_INFORMATION        |      .   x   .   .   .   .   .   .   .   x   x  |   .   |   x
      IN_SUPPORT                  |      .   x   x   .   x   .   .   .   x   .   x  |   .   |   x
      FEE_ASSESSMENT              |      .   .   .   .   .   x   x   .   .   .   .  |   .   |   .
      AWAITING_STATEMENT_RESPONSE |      .   .   .   .   x   .   x   .   .   .   .  |   .   |   .
      DATA_DEPOSIT                |      .   .   .   .   .   .   .   x   .   .   .  |   .   |   .
      CLOSED                      |      .   .   .   .   .   .   .   .   .   .   .  |   x   |   .
      DECLINED                    |      .   .   .   .   .   .   .   .   .   .   .  |   x   |   .
      EXPIRED                     |      .   .   .   .   .   .   .   .   .   .   .  |   x   |   .
      CANCELLED                   |      .   .   .   .   .   .   .   .   .   .   .  |   x   |   .
      """;

  @ParameterizedTest(name = "from {0}")
  @CsvSource(delimiter = '|', textBlock = MATRIX)
  void theJourneyAllowsExactlyTheMovesInTheMatrix(CaseStatus from, String moves, String isFinal, String cancellable) {
    List<String> cells = Arrays.asList(moves.trim().split("\\s+"));
    CaseStatus[] targets = CaseStatus.values();
    assertThat(cells).as("one cell per status, in declaration order").hasSize(targets.length);

    List<String> differences = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      expect(differences, from + " -> " + targets[i], cells.get(i), from.canMoveTo(targets[i]));
    }
    expect(differences, from + " isFinal()", isFinal, from.isFinal());
    expect(differences, from + " in CANCELLABLE", cancellable, CaseStatus.CANCELLABLE.contains(from));
    assertThat(differences).as("cells of the matrix that CaseStatus disagrees with").isEmpty();
  }

  @Test
  void theMatrixHasOneRowPerStatusInDeclarationOrder() {
    List<String> rows = MATRIX.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.substring(0, line.indexOf('|')).trim())
        .toList();
    assertThat(rows).containsExactly(Arrays.stream(CaseStatus.values()).map(Enum::name).toArray(String[]::new));
  }

  private static void expect(List<String> differences, String cell, String expected, boolean actual) {
    assertThat(expected).as(cell + ": cell must be x or .").isIn("x", ".");
    if (expected.equals("x") != actual) {
      differences.add("%s: matrix says %s, code says %s".formatted(cell, expected, actual ? "x" : "."));
    }
  }
}
