package org.madoguchi.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The models the application deploys (bpmn/*.bpmn, bpmn/*.dmn, forms/*.form), read from the working tree. */
final class Models {

  private static final Pattern TASK_TYPE = Pattern.compile("<zeebe:taskDefinition\\b[^>]*?\\btype=\"([^\"]+)\"");

  private final List<Path> files;

  private Models(List<Path> files) {
    this.files = files;
  }

  static Models load(Path bpmnDir, Path formsDir) {
    List<Path> files = new ArrayList<>();
    files.addAll(list(bpmnDir, ".bpmn"));
    files.addAll(list(bpmnDir, ".dmn"));
    files.addAll(list(formsDir, ".form"));
    if (files.stream().noneMatch(f -> f.toString().endsWith(".bpmn"))) {
      throw new IllegalStateException("no BPMN files under " + bpmnDir.toAbsolutePath() + ": run from the project root");
    }
    return new Models(files);
  }

  /** Every {@code zeebe:taskDefinition type} in the BPMN files, sorted. */
  Set<String> jobTypes() {
    Set<String> types = new TreeSet<>();
    for (Path file : files) {
      if (file.toString().endsWith(".bpmn")) {
        Matcher m = TASK_TYPE.matcher(read(file));
        while (m.find()) {
          types.add(m.group(1));
        }
      }
    }
    return types;
  }

  /** One deployment of everything, under the file names (as the application's start-up deployment names them). */
  void deploy(CamundaClient client) {
    DeployResourceCommandStep2 command = null;
    for (Path file : files) {
      byte[] bytes = readBytes(file);
      String name = file.getFileName().toString();
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(bytes, name)
          : command.addResourceBytes(bytes, name);
    }
    command.send().join();
  }

  List<Path> files() {
    return files;
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
    }
  }

  private static String read(Path file) {
    return new String(readBytes(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
