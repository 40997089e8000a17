package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {
    private final StaticFiles files = StaticFiles.console();

    @Test
    void theConsolePageAndLeafletComeFromTheClasspathWithTheirContentTypes() {
        assertThat(files.find("/console/").orElseThrow().contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(files.find("/console/index.html").orElseThrow().body(), StandardCharsets.UTF_8)).contains("SkyFleet");
        assertThat(files.find("/console/app.js").orElseThrow().contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(files.find("/console/console.css").orElseThrow().contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(files.find("/webjars/leaflet/leaflet.js").orElseThrow().contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(files.find("/webjars/leaflet/images/marker-icon.png").orElseThrow().contentType()).isEqualTo("image/png");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/console/../app/ServerConfig.class",
        "/console/../../../../META-INF/MANIFEST.MF",
        "/webjars/leaflet/../../../../../org/skyfleet/console/index.html",
        "/webjars/leaflet/../package.json",
        "/console/%2e%2e/%2e%2e/pom.xml",
        "/console/..%2fapp.js",
        "/console/.hidden",
        "/console//app.js",
        "/console/sub\\..\\app.js",
        "/console/app.js%00.png",
        "/console/nothing-here.js",
    })
    void aPathThatLeavesItsRootIsNotAFileIsRefused(String path) {
        assertThat(files.find(path)).isEmpty();
    }

    @Test
    void onlyTheListedRootsAreServedNotTheRestOfTheClasspath() {
        assertThat(files.covers("/org/skyfleet/server/ServerConfig.class")).isFalse();
        assertThat(files.covers("/META-INF/MANIFEST.MF")).isFalse();
        assertThat(files.find("/META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js")).isEmpty();
    }

    @Test
    void unknownExtensionsAreOctetStreamsNeverGuessedAsScripts() {
        assertThat(StaticFiles.contentType("x.bin")).isEqualTo("application/octet-stream");
        assertThat(StaticFiles.contentType("README")).isEqualTo("application/octet-stream");
    }

    @Test
    void theIndexIsBuiltOnceFromTheConsoleDirectoryAndLeafletsDistAndAMissAddsNothing() {
        int served = files.size();
        assertThat(served).as("the console's files and Leaflet's dist/").isBetween(15, 60);
        assertThat(files.find("/webjars/leaflet/leaflet.css")).isPresent();
        for (int i = 0; i < 100; i++) {
            assertThat(files.find("/console/missing-" + i + ".js")).isEmpty();
        }
        assertThat(files.size()).isEqualTo(served);
    }
}
