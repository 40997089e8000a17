package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LostPersonStatisticsTest {
    private static final String HEADER = "category,terrain,p25_km,p50_km,p75_km,p95_km,sample_size,source,note\n";

    @Test
    void bundledTableHasEveryCategoryWithASource() {
        LostPersonStatistics stats = LostPersonStatistics.bundled();
        for (SubjectCategory c : SubjectCategory.values()) {
            DistanceQuantiles q = stats.forCategory(c);
            assertThat(q.category()).isEqualTo(c);
            assertThat(q.source()).isNotBlank();
        }
        assertThat(stats.all()).allSatisfy(q -> assertThat(q.source()).isNotBlank());
    }

    @Test
    void quotedSourceWithCommasIsOneField() {
        DistanceQuantiles uk = LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA, "UK");
        assertThat(uk.p50Km()).isEqualTo(0.7);
        assertThat(uk.p95Km()).isEqualTo(5.8);
        assertThat(uk.source()).contains("Grampian Police").contains("\"Missing Persons: Understanding, Planning,");
    }

    @Test
    void terrainVariantIsFound() {
        DistanceQuantiles q = LostPersonStatistics.bundled().forCategory(SubjectCategory.HIKER, "temperate-mountain");
        assertThat(q.p95Km()).isGreaterThan(q.p75Km());
    }

    @Test
    void nonNumericQuantileNamesLineAndColumn() {
        String csv = "# comment\n" + HEADER + "HIKER,flat,0.4,abc,2.0,6.1,,Koester 2008,\n";
        assertThatThrownBy(() -> LostPersonStatistics.parse(new StringReader(csv), "t.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.csv line 3").hasMessageContaining("p50_km 'abc'");
    }

    @Test
    void decreasingQuantilesAreRefused() {
        String csv = HEADER + "HIKER,flat,0.4,1.1,0.9,6.1,,Koester 2008,\n";
        assertThatThrownBy(() -> LostPersonStatistics.parse(new StringReader(csv), "t.csv"))
                .hasMessageContaining("t.csv line 2").hasMessageContaining("strictly increasing");
    }

    @Test
    void rowWithoutSourceIsRefused() {
        String csv = HEADER + "HIKER,flat,0.4,1.1,2.0,6.1,,,\n";
        assertThatThrownBy(() -> LostPersonStatistics.parse(new StringReader(csv), "t.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("cite its source");
    }

    @Test
    void wrongFieldCountAndUnknownCategoryAreRefused() {
        assertThatThrownBy(() -> LostPersonStatistics.parse(new StringReader(HEADER + "HIKER,flat,0.4\n"), "t.csv"))
                .hasMessageContaining("expected 9 fields, got 3");
        assertThatThrownBy(() -> LostPersonStatistics.parse(
                new StringReader(HEADER + "PILOT,flat,0.4,1.1,2.0,6.1,,src,\n"), "t.csv"))
                .hasMessageContaining("unknown subject category 'PILOT'");
    }

    @Test
    void sampleSizeIsReadAndAMissingCategoryIsAClearError() {
        LostPersonStatistics stats = parse(HEADER + "HIKER,flat,0.4,1.1,2.0,6.1,12,src,\n");
        assertThat(stats.forCategory(SubjectCategory.HIKER).sampleSize()).isEqualTo(12);
        assertThatThrownBy(() -> stats.forCategory(SubjectCategory.AUTISTIC)).hasMessageContaining("AUTISTIC");
    }

    private static LostPersonStatistics parse(String csv) {
        return LostPersonStatistics.parse(new StringReader(csv), "t.csv");
    }
}
