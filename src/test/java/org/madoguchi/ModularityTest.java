package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature packages use each other only through what they expose (their {@code api} named interface)
 * and only where their package-info declares it, never in a cycle; docs/architecture.md's module
 * table is this declaration, so it cannot drift from the code.
 */
class ModularityTest {

  private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
  private static final String TABLE_START = "<!-- modules: generated from the package-info.java files by ModularityTest -->";
  private static final String TABLE_END = "<!-- /modules -->";
  /** Rewrites the table instead of comparing: {@code mvn test -Dtest=ModularityTest -Dmodules.write=true}. */
  private static final boolean WRITE = Boolean.getBoolean("modules.write");

  /** The applicant portal and the staff console are leaves: nothing may use them, so they expose nothing. */
  private static final Set<String> LEAVES = Set.of("portal", "console");

  private final ApplicationModules modules = ApplicationModules.of(MadoguchiApplication.class);

  @Test
  void featurePackagesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void everyModuleDeclaresWhatItMayUseAndWhatItExposes() {
    modules.forEach(
        module -> {
          if (module.isOpen()) {
            return; // the shared kernel: everything in it is for everyone
          }
          assertThat(declaration(module.getBasePackage().getName()).allowedDependencies())
              .as("allowedDependencies of %s", module.getName())
              .isNotEmpty();
          if (!LEAVES.contains(module.getName())) {
            assertThat(module.getNamedInterfaces().getByName("api")).as("api of %s", module.getName()).isPresent();
          }
        });
  }

  @Test
  void architectureDocumentListsTheModulesAsDeclared() throws IOException {
    String document = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
    int start = document.indexOf(TABLE_START);
    int end = document.indexOf(TABLE_END);
    assertThat(start).as("%s marks its module table with %s", ARCHITECTURE, TABLE_START).isNotNegative();
    assertThat(end).isGreaterThan(start);
    String current = document.substring(start + TABLE_START.length(), end);
    String declared = "\n" + moduleTable();
    if (WRITE) {
      Files.writeString(ARCHITECTURE, document.substring(0, start + TABLE_START.length()) + declared + document.substring(end));
      return;
    }
    assertThat(current)
        .as("docs/architecture.md's module table; rewrite it with mvn test -Dtest=ModularityTest -Dmodules.write=true")
        .isEqualTo(declared);
  }

  @Test
  void documentsTheModules() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }

  private String moduleTable() {
    StringBuilder table = new StringBuilder("| module | may use | exposes (`api`, with their nested types) |\n|---|---|---|\n");
    modules.stream()
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(
            module -> {
              String mayUse = module.isOpen() ? "-" : String.join(", ", quoted(declaration(module.getBasePackage().getName()).allowedDependencies()));
              String exposes =
                  module.isOpen()
                      ? "everything (open)"
                      : module.getNamedInterfaces().getByName("api").map(api -> typeNames(module.getBasePackage().getName(), api)).orElse("nothing");
              table.append("| `").append(module.getName()).append("` | ").append(mayUse).append(" | ").append(exposes).append(" |\n");
            });
    return table.toString();
  }

  /** Top-level types, named from the module's base package (nested types listed with their outer type). */
  private static String typeNames(String basePackage, NamedInterface api) {
    return api.asJavaClasses()
        .filter(type -> !type.isNestedClass())
        .map(type -> type.getName().substring(basePackage.length() + 1))
        .sorted()
        .map(name -> "`" + name + "`")
        .collect(Collectors.joining(", "));
  }

  private static String[] quoted(String[] names) {
    return Arrays.stream(names).map(name -> "`" + name + "`").toArray(String[]::new);
  }

  private static ApplicationModule declaration(String basePackage) {
    try {
      ApplicationModule declaration = Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
      assertThat(declaration).as("@ApplicationModule on %s's package-info", basePackage).isNotNull();
      return declaration;
    } catch (ClassNotFoundException e) {
      throw new AssertionError(basePackage + " has no package-info.java declaring its module", e);
    }
  }
}
