import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a staged Maven repository against Maven Central's publishing rules, as .ci/stage-release
 * leaves it: every POM has the metadata Central requires, every jar artifact has its sources and
 * javadoc jars and a module name, every file its checksums (and signature when signing is on), a release has no
 * SNAPSHOT dependency, the BOM pins exactly the published jars, and nothing unpublished leaked in.
 *
 * <p>Usage: {@code java .ci/ValidateStaging.java DIR [--signed]}. Exits 1 listing every problem.
 */
public final class ValidateStaging {
  private static final Map<String, String> CHECKSUMS = Map.of("md5", "MD5", "sha1", "SHA-1");
  private static final Map<String, String> OPTIONAL_CHECKSUMS = Map.of("sha256", "SHA-256", "sha512", "SHA-512");
  private static final List<String> UNPUBLISHED = List.of("toolsmith-test-support", "toolsmith-bench", "example-");

  private final Path root;
  private final boolean signed;
  private final List<String> problems = new ArrayList<>();
  private int files;

  private ValidateStaging(Path root, boolean signed) {
    this.root = root;
    this.signed = signed;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: java .ci/ValidateStaging.java DIR [--signed]");
      System.exit(2);
    }
    if (args[0].equals("--self-test")) {
      selfTest(Path.of(args[1]));
      return;
    }
    ValidateStaging check = new ValidateStaging(Path.of(args[0]), args.length > 1 && args[1].equals("--signed"));
    int artifacts = check.run();
    if (!check.problems.isEmpty()) {
      System.err.println("Central rules: " + check.problems.size() + " problem(s) in " + check.root + ":");
      check.problems.forEach(problem -> System.err.println("  - " + problem));
      System.exit(1);
    }
    System.out.println("Central rules: OK for " + artifacts + " artifacts, " + check.files + " files checked in "
        + check.root + (check.signed ? " (signed)" : " (unsigned: no key configured)"));
  }

  /**
   * Shows that the rules bite, on a copy of a real staging directory: the copy is turned into a
   * release (version 9.9.9) with one SNAPSHOT dependency, one sources jar removed and one checksum
   * broken, and each of those must be reported. CI runs it before checking the real staging.
   */
  private static void selfTest(Path staged) throws Exception {
    Path copy = Files.createTempDirectory("staging-self-test");
    try (Stream<Path> walk = Files.walk(staged)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = copy.resolve(staged.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    List<Path> poms = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(copy)) {
      walk.forEach(path -> {
        String name = path.getFileName().toString();
        if (name.endsWith(".pom")) {
          poms.add(path);
        } else if (name.endsWith("-sources.jar")) {
          sources.add(path);
        }
      });
    }
    for (Path pom : poms) {
      String text = Files.readString(pom).replace("0.1.0-SNAPSHOT", "9.9.9").replaceAll("-SNAPSHOT<", "<");
      if (pom.toString().contains("toolsmith-core")) {
        text = text.replace("<dependencies>", "<dependencies><dependency><groupId>com.example</groupId>"
            + "<artifactId>moving</artifactId><version>1.0-SNAPSHOT</version></dependency>");
      }
      Files.writeString(pom, text);
    }
    Files.delete(sources.get(0));
    ValidateStaging check = new ValidateStaging(copy, false);
    check.run();
    List<String> wanted = List.of("release depends on a SNAPSHOT: com.example:moving:1.0-SNAPSHOT",
        "missing " + sources.get(0).getFileName(), ".md5 does not match the file");
    for (String problem : wanted) {
      if (check.problems.stream().noneMatch(found -> found.contains(problem))) {
        System.err.println("Self-test failed: the rules did not report '" + problem + "'; they reported "
            + check.problems);
        System.exit(1);
      }
    }
    System.out.println("Self-test: a release with a SNAPSHOT dependency, a missing sources jar and a broken "
        + "checksum is refused (" + check.problems.size() + " problems reported)");
  }

  private int run() throws Exception {
    Map<String, Path> poms = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(path -> path.toString().endsWith(".pom")).forEach(pom -> poms.put(pom.getParent().getParent()
          .getFileName().toString(), pom));
    }
    if (poms.isEmpty()) {
      problems.add("no POM staged at all");
    }
    for (Path pom : poms.values()) {
      checkArtifact(pom, poms);
    }
    checkBomCoverage(poms);
    return poms.size();
  }

  private void checkArtifact(Path pom, Map<String, Path> poms) throws Exception {
    Element project = parse(pom).getDocumentElement();
    List<Element> lineage = lineage(project, poms);
    String artifactId = text(project, "artifactId");
    for (String unpublished : UNPUBLISHED) {
      if (artifactId.startsWith(unpublished)) {
        problems.add(artifactId + " is staged but is not meant to be published");
      }
    }
    String version = text(project, "version").isEmpty() ? text(child(project, "parent"), "version") : text(project, "version");
    String groupId = text(project, "groupId").isEmpty() ? text(child(project, "parent"), "groupId") : text(project, "groupId");
    require(pom, !groupId.isEmpty(), "groupId");
    require(pom, !version.isEmpty(), "version");
    require(pom, !text(project, "name").isBlank(), "name");
    for (String element : List.of("description", "url")) {
      require(pom, !text(inherited(lineage, element), element).isBlank(), element);
    }
    require(pom, !text(child(child(inherited(lineage, "licenses"), "licenses"), "license"), "name").isBlank(),
        "licenses/license/name");
    require(pom, child(child(inherited(lineage, "developers"), "developers"), "developer") != null,
        "developers/developer");
    Element scm = child(inherited(lineage, "scm"), "scm");
    require(pom, !text(scm, "url").isBlank() && !text(scm, "connection").isBlank(), "scm/url and scm/connection");
    if (!version.endsWith("-SNAPSHOT")) {
      for (Element dependency : all(project, "dependency")) {
        if (text(dependency, "version").contains("SNAPSHOT")) {
          problems.add(pom.getFileName() + ": release depends on a SNAPSHOT: " + text(dependency, "groupId") + ":"
              + text(dependency, "artifactId") + ":" + text(dependency, "version"));
        }
      }
      if (text(child(project, "parent"), "version").contains("SNAPSHOT")) {
        problems.add(pom.getFileName() + ": release has a SNAPSHOT parent");
      }
    }
    String base = pom.getFileName().toString().replaceFirst("\\.pom$", "");
    List<Path> expected = new ArrayList<>(List.of(pom));
    String packaging = text(project, "packaging").isEmpty() ? "jar" : text(project, "packaging");
    if (packaging.equals("jar")) {
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        expected.add(pom.resolveSibling(base + suffix));
      }
    }
    for (Path file : expected) {
      if (!Files.isRegularFile(file)) {
        problems.add(artifactId + ": missing " + file.getFileName());
        continue;
      }
      checkFile(file);
    }
    Path jar = pom.resolveSibling(base + ".jar");
    if (packaging.equals("jar") && Files.isRegularFile(jar) && !hasModuleName(jar)) {
      problems.add(artifactId + ": " + jar.getFileName() + " has neither module-info.class nor an "
          + "Automatic-Module-Name in its manifest");
    }
    try (Stream<Path> siblings = Files.list(pom.getParent())) {
      siblings.filter(path -> path.getFileName().toString().endsWith("-tests.jar"))
          .forEach(path -> problems.add(artifactId + ": internal test jar staged: " + path.getFileName()));
    }
  }

  private static boolean hasModuleName(Path jar) throws IOException {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest manifest = file.getManifest();
      return file.getEntry("module-info.class") != null
          || manifest != null && manifest.getMainAttributes().getValue("Automatic-Module-Name") != null;
    }
  }

  private void checkFile(Path file) throws IOException, NoSuchAlgorithmException {
    files++;
    byte[] content = Files.readAllBytes(file);
    for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
      checkChecksum(file, content, checksum.getKey(), checksum.getValue(), true);
    }
    for (Map.Entry<String, String> checksum : OPTIONAL_CHECKSUMS.entrySet()) {
      checkChecksum(file, content, checksum.getKey(), checksum.getValue(), false);
    }
    if (signed && !Files.isRegularFile(file.resolveSibling(file.getFileName() + ".asc"))) {
      problems.add(file.getFileName() + ": missing signature .asc");
    }
  }

  private void checkChecksum(Path file, byte[] content, String extension, String algorithm, boolean required)
      throws IOException, NoSuchAlgorithmException {
    Path sum = file.resolveSibling(file.getFileName() + "." + extension);
    if (!Files.isRegularFile(sum)) {
      if (required) {
        problems.add(file.getFileName() + ": missing checksum ." + extension);
      }
      return;
    }
    String expected = Files.readString(sum).trim().split("\\s+")[0];
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    if (!expected.equalsIgnoreCase(actual)) {
      problems.add(file.getFileName() + ": ." + extension + " does not match the file");
    }
  }

  private void checkBomCoverage(Map<String, Path> poms) throws Exception {
    Path bom = poms.get("toolsmith-bom");
    if (bom == null) {
      problems.add("toolsmith-bom is not staged");
      return;
    }
    java.util.Set<String> pinned = new java.util.TreeSet<>();
    for (Element dependency : all(parse(bom).getDocumentElement(), "dependency")) {
      String artifactId = text(dependency, "artifactId");
      pinned.add(artifactId);
      if (!poms.containsKey(artifactId)) {
        problems.add("toolsmith-bom pins " + artifactId + ", which is not staged");
      }
    }
    for (Map.Entry<String, Path> staged : poms.entrySet()) {
      String packaging = text(parse(staged.getValue()).getDocumentElement(), "packaging");
      if ((packaging.isEmpty() || packaging.equals("jar")) && !pinned.contains(staged.getKey())) {
        problems.add(staged.getKey() + " is published but toolsmith-bom does not pin it");
      }
    }
  }

  /** Returns the project and its staged parents, nearest first: Central lets metadata be inherited. */
  private static List<Element> lineage(Element project, Map<String, Path> poms) throws Exception {
    List<Element> lineage = new ArrayList<>(List.of(project));
    Element parent = child(project, "parent");
    while (parent != null && poms.containsKey(text(parent, "artifactId")) && lineage.size() < 10) {
      Element next = parse(poms.get(text(parent, "artifactId"))).getDocumentElement();
      lineage.add(next);
      parent = child(next, "parent");
    }
    return lineage;
  }

  /** Returns the nearest project in the lineage that declares an element, or the project itself. */
  private static Element inherited(List<Element> lineage, String element) {
    for (Element project : lineage) {
      if (child(project, element) != null) {
        return project;
      }
    }
    return lineage.get(0);
  }

  private void require(Path pom, boolean present, String element) {
    if (!present) {
      problems.add(pom.getFileName() + ": missing " + element);
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? "" : element.getTextContent().trim();
  }

  private static List<Element> all(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static {
    // Fail loudly rather than pass on a broken walk.
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
      if (failure instanceof UncheckedIOException io) {
        System.err.println("Could not read the staging directory: " + io.getMessage());
      } else {
        failure.printStackTrace();
      }
      System.exit(1);
    });
  }
}
