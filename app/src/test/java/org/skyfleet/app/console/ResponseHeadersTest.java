package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which tile origin the console's Content-Security-Policy lets images come from. */
class ResponseHeadersTest {
    @Test
    void aTileTemplatesSchemeAndHostAreAllowedWithLeafletsSubdomainsAsAWildcard() {
        assertThat(ResponseHeaders.tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).isEqualTo("https://tile.openstreetmap.org");
        assertThat(ResponseHeaders.tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(ResponseHeaders.tileSource("http://10.0.0.7:8080/tiles/{z}/{x}/{y}.png")).isEqualTo("http://10.0.0.7:8080");
    }

    @Test
    void aHostWithOtherPlaceholdersFallsBackToItsSchemeAndARelativeTemplateToSelf() {
        assertThat(ResponseHeaders.tileSource("https://tiles-{s}.example.org/{z}/{x}/{y}.png")).isEqualTo("https:");
        assertThat(ResponseHeaders.tileSource("/tiles/{z}/{x}/{y}.png")).isNull();
        assertThat(ResponseHeaders.tileSource(null)).isNull();
    }

    @Test
    void aTemplateCannotAddDirectivesToThePolicy() {
        String policy = ResponseHeaders.forConsole("https://a.example;script-src *;/{z}/{x}/{y}.png").contentSecurityPolicy();
        assertThat(policy).doesNotContain("script-src *").contains("script-src 'self';");
        assertThat(ResponseHeaders.forConsole(null).contentSecurityPolicy()).contains("img-src 'self' data:;");
    }
}
