package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
    private static final String HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void linesGiveOneKeyPerSystemIdAndCommentsAreSkipped() {
        SigningKeys keys = SigningKeys.parse(List.of("# drones", "", "7 " + HEX, "  12\t" + HEX.toUpperCase()));

        assertThat(keys.requiresSigning(7)).isTrue();
        assertThat(keys.requiresSigning(12)).isTrue();
        assertThat(keys.requiresSigning(8)).isFalse();
        assertThat(keys.keyFor(7)).hasSize(32).startsWith((byte) 0x00, (byte) 0x11);
        assertThat(keys.isEmpty()).isFalse();
        assertThat(SigningKeys.none().isEmpty()).isTrue();
    }

    @Test
    void theKeyNeverAppearsInTextOrErrors() {
        SigningKeys keys = SigningKeys.parse(List.of("7 " + HEX));
        assertThat(keys.toString()).isEqualTo("SigningKeys[systems=[7]]");

        String badHex = HEX.substring(0, 62) + "zz";
        assertThatThrownBy(() -> SigningKeys.parse(List.of("7 " + badHex)))
                .hasMessageContaining("line 1").hasMessageNotContaining(badHex.substring(0, 20));
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> SigningKeys.parse(List.of("7 " + HEX.substring(2)))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> SigningKeys.parse(List.of("256 " + HEX))).hasMessageContaining("1..255");
        assertThatThrownBy(() -> SigningKeys.parse(List.of("seven " + HEX))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> SigningKeys.parse(List.of("7 " + HEX, "7 " + HEX))).hasMessageContaining("given twice");
    }
}
