package org.madoguchi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile builds the whole application: its Maven stage has every folder the POM reads (sources,
 * resource directories, the npm working directory and the folders copied from it), and the portal's
 * libraries come from a stage that ran npm ci on portal-web's package.json and lock file. A folder
 * added to the POM without a COPY fails here, not in the first image build after the change.
 */
class DockerfileTest {

  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+\\S+(?:\\s+AS\\s+(\\S+))?");

  /** One build stage: its name, working directory, COPY instructions and RUN commands. */
  record Stage(String name, List<Copy> copies, List<String> runs) {}

  /** A COPY: from another stage ({@code from}) or the build context (null), its sources and where they land. */
  record Copy(String from, List<String> sources, String destination) {}

  @Test
  void theMavenStageHasEveryFolderThePomReads() throws Exception {
    List<Stage> stages = stages(Files.readString(REPO.resolve("Dockerfile")));
    Stage build = stages.stream().filter(s -> s.runs().stream().anyMatch(r -> r.contains("mvn "))).findFirst().orElseThrow();
    String mvn = build.runs().stream().filter(r -> r.contains("mvn ")).findFirst().orElseThrow();
    Set<String> copied = new LinkedHashSet<>();
    build.copies().forEach(copy -> copied.add(copy.destination()));

    List<String> missing = new ArrayList<>();
    for (String read : foldersThePomReads(!mvn.contains("-Dmaven.test.skip=true"))) {
      if (copied.stream().noneMatch(destination -> read.equals(destination) || read.startsWith(destination + "/"))) {
        missing.add(read);
      }
    }
    assertThat(missing).as("folders the POM reads that the Dockerfile's Maven stage (%s) does not copy", copied).isEmpty();
  }

  @Test
  void everyCopiedPathOfTheBuildContextExists() throws Exception {
    for (Stage stage : stages(Files.readString(REPO.resolve("Dockerfile")))) {
      for (Copy copy : stage.copies()) {
        if (copy.from() == null) {
          copy.sources().forEach(source -> assertThat(REPO.resolve(source)).as("COPY %s", source).exists());
        }
      }
    }
  }

  @Test
  void thePortalLibrariesComeFromNpmCiOnTheLockFile() throws Exception {
    List<Stage> stages = stages(Files.readString(REPO.resolve("Dockerfile")));
    Stage build = stages.stream().filter(s -> s.runs().stream().anyMatch(r -> r.contains("mvn "))).findFirst().orElseThrow();
    boolean npmInMaven = build.runs().stream().noneMatch(r -> r.contains("-Dportal.npm.skip=true"));
    if (npmInMaven) {
      return; // the POM's own npm ci runs in the Maven stage, on the copied portal-web/
    }
    Copy modules = build.copies().stream().filter(c -> c.destination().equals("portal-web/node_modules")).findFirst()
        .orElseThrow(() -> new AssertionError("npm is skipped in the Maven stage, but nothing copies portal-web/node_modules"));
    Stage npm = stages.stream().filter(s -> s.name().equals(modules.from())).findFirst()
        .orElseThrow(() -> new AssertionError("no stage named " + modules.from()));
    assertThat(npm.runs()).anyMatch(run -> run.contains("npm ci"));
    assertThat(npm.copies().stream().flatMap(c -> c.sources().stream()))
        .contains("portal-web/package.json", "portal-web/package-lock.json");
  }

  /** The folders (relative to the repository) that `mvn package` reads, from pom.xml. */
  private static Set<String> foldersThePomReads(boolean withTests) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(REPO.resolve("pom.xml").toFile());
    Set<String> reads = new LinkedHashSet<>(List.of("pom.xml", "src/main"));
    for (String element : List.of("directory", "workingDirectory")) {
      texts(pom, element).forEach(reads::add);
    }
    if (withTests) {
      reads.add("src/test");
      texts(pom, "source").forEach(reads::add); // build-helper's extra test sources
    }
    Set<String> relative = new LinkedHashSet<>();
    for (String read : reads) {
      String path = read.replace("${project.basedir}/", "").replaceAll("/+$", "");
      if (!path.startsWith("${")) { // ${project.build.*}: what the build writes
        relative.add(path);
      }
    }
    assertThat(relative).as("pom.xml's resource directories").contains("bpmn", "forms", "portal-web");
    return relative;
  }

  private static List<String> texts(Document pom, String element) {
    NodeList nodes = pom.getElementsByTagName(element);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  /** The Dockerfile's stages, continuation lines joined and comments left out. */
  static List<Stage> stages(String dockerfile) {
    List<Stage> stages = new ArrayList<>();
    String workdir = "/";
    for (String line : dockerfile.replaceAll("\\\\\\r?\\n", " ").split("\\r?\\n")) {
      String instruction = line.strip();
      if (instruction.isEmpty() || instruction.startsWith("#")) {
        continue;
      }
      Matcher from = FROM.matcher(instruction);
      String[] words = instruction.split("\\s+");
      if (from.find()) {
        stages.add(new Stage(from.group(1) == null ? "stage-" + stages.size() : from.group(1), new ArrayList<>(), new ArrayList<>()));
        workdir = "/";
      } else if (words[0].equalsIgnoreCase("WORKDIR")) {
        workdir = words[1].startsWith("/") ? words[1] : workdir + "/" + words[1];
      } else if (words[0].equalsIgnoreCase("RUN")) {
        stages.getLast().runs().add(instruction);
      } else if (words[0].equalsIgnoreCase("COPY")) {
        stages.getLast().copies().add(copy(words, workdir));
      }
    }
    return stages;
  }

  private static Copy copy(String[] words, String workdir) {
    String from = null;
    List<String> paths = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      if (words[i].startsWith("--from=")) {
        from = words[i].substring("--from=".length());
      } else if (!words[i].startsWith("--")) {
        paths.add(words[i]);
      }
    }
    String destination = Path.of(workdir).resolve(paths.getLast()).normalize().toString();
    String relative = Path.of(workdir).relativize(Path.of(destination)).toString();
    List<String> sources = paths.subList(0, paths.size() - 1).stream().map(s -> s.replaceAll("^\\./", "").replaceAll("/+$", "")).toList();
    // "COPY pom.xml ./" puts the file itself at the working directory.
    if (relative.isEmpty() && sources.size() == 1) {
      relative = Path.of(sources.getFirst()).getFileName().toString();
    }
    return new Copy(from, sources, relative);
  }
}
