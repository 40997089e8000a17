package org.skyfleet.app.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house's dependencies point one way: app -> server/cluster/video -> telemetry -> fleet-core -> mission-planner,
 * the services -> proto; the simulator stands beside the server and only app knows it; the MAVSDK gateway is a client
 * over the wire (its own process); benchmarks sit on top
 * of everything and nothing depends on them. Read from the poms, so a new dependency that breaks the order
 * fails here with the edge named.
 */
class ModuleGraphTest {
    /** Each module's layer: a module may depend (outside test scope) only on modules of a lower layer. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("proto", 0), Map.entry("mission-planner", 0),
            Map.entry("fleet-core", 1), Map.entry("simulator", 1),
            Map.entry("telemetry", 2),
            Map.entry("server", 3),
            Map.entry("cluster", 4), Map.entry("video", 4),
            Map.entry("app", 5),
            Map.entry("bench", 6), Map.entry("mavsdk-gateway", 6));

    private static Map<String, Set<String>> dependsOn;

    @BeforeAll
    static void readPoms() throws Exception {
        Path root = repositoryRoot();
        dependsOn = new LinkedHashMap<>();
        for (String module : elements(parse(root.resolve("pom.xml")), "module")) {
            Set<String> deps = new LinkedHashSet<>();
            Document pom = parse(root.resolve(module).resolve("pom.xml"));
            NodeList dependencies = pom.getDocumentElement().getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element d = (Element) dependencies.item(i);
                if ("org.skyfleet".equals(text(d, "groupId")) && !"test".equals(text(d, "scope"))) {
                    deps.add(text(d, "artifactId"));
                }
            }
            dependsOn.put(module, deps);
        }
    }

    @Test
    void everyModuleHasALayer() {
        assertThat(LAYER.keySet()).containsExactlyInAnyOrderElementsOf(dependsOn.keySet());
    }

    @Test
    void dependenciesPointDownTheLayers() {
        dependsOn.forEach((module, deps) -> deps.forEach(dep -> assertThat(LAYER.get(dep))
                .as("%s -> %s goes up or sideways", module, dep).isLessThan(LAYER.get(module))));
    }

    @Test
    void onlyTheProcessKnowsTheSimulator() {
        assertThat(dependsOn.entrySet()).filteredOn(e -> e.getValue().contains("simulator"))
                .extracting(Map.Entry::getKey).containsExactly("app");
        assertThat(dependsOn.get("simulator")).as("the simulator reaches the server only over the wire")
                .doesNotContain("fleet-core", "telemetry", "server", "cluster");
    }

    @Test
    void theMavsdkGatewayIsAClientOverTheWireOnly() {
        assertThat(dependsOn.get("mavsdk-gateway")).as("its own process on MAVSDK's runtime: no SkyFleet module outside test scope")
                .isEmpty();
        assertThat(dependsOn.values()).noneMatch(deps -> deps.contains("mavsdk-gateway"));
    }

    @Test
    void theControlPlaneKnowsNeitherItsWiringNorItsScaleOut() {
        assertThat(dependsOn.get("server")).doesNotContain("cluster", "app", "bench", "simulator");
        assertThat(dependsOn.get("fleet-core")).containsExactly("mission-planner");
        assertThat(dependsOn.values()).noneMatch(deps -> deps.contains("bench"));
    }

    private static Path repositoryRoot() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.exists(pom) && elements(parse(pom), "module").contains("app")) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no parent pom listing module app above " + Path.of("").toAbsolutePath());
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent().trim()).toList();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
