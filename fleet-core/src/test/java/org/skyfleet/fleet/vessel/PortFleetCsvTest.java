package org.skyfleet.fleet.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PortFleetCsvTest {
    @Test
    void readsTheRegisterInAnyColumnOrderWithQuotes() throws Exception {
        PortFleet fleet = PortFleetCsv.read(new StringReader("""
                MMSI,home_port,name,owner
                412440001,Shenjiamen,ZHEPUYU 01234,"Zhoushan Putuo Fishery Co., Ltd."

                412440002,Shenjiamen,"ZHEPUYU \"\"02\"\"",Chen Wei
                """));
        assertThat(fleet.size()).isEqualTo(2);
        assertThat(fleet.get(412440001L).owner()).isEqualTo("Zhoushan Putuo Fishery Co., Ltd.");
        assertThat(fleet.get(412440002L).name()).isEqualTo("ZHEPUYU \"02\"");
        assertThat(fleet.get(412440002L).homePort()).isEqualTo("Shenjiamen");
    }

    @Test
    void everyBadRowIsNamedByLineAndColumnAndNothingIsImported() {
        assertThatThrownBy(() -> PortFleetCsv.read(new StringReader("""
                mmsi,name,owner,home_port
                41244000,SHORT MMSI,a,b
                412440001,,a,b
                412440002,OK,a,b
                412440002,AGAIN,a,b
                412440003,"UNCLOSED,a,b
                412440004,TOO,MANY,FIELDS,HERE
                """)))
                .isInstanceOfSatisfying(PortFleetCsv.InvalidRegisterException.class, e -> assertThat(e.problems()).containsExactly(
                        "line 2, column mmsi: '41244000' is not a 9-digit MMSI",
                        "line 3, column name: empty",
                        "line 5, column mmsi: 412440002 already on line 4",
                        "line 6: unclosed quote",
                        "line 7: 5 fields, the header has 4"));
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefused() {
        assertThatThrownBy(() -> PortFleetCsv.read(new StringReader("mmsi,name\n412440001,A\n")))
                .hasMessageContaining("line 1: header lacks column(s) [owner, home_port]");
    }
}
